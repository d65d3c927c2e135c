using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Audit;

public class AuditTrailTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChangesAsync_ConcurrentWriters_NeverForkTheChain(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider, checkpointInterval: 5);
        const int writers = 24;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await trail.SaveChangesAsync([AuditEvent.Create("tester", "test.event", $"test:{i}", new { i })], CancellationToken.None);
        })));

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, writers).Select(i => (long)i), entries.Select(e => e.Sequence));
        var journal = new CheckpointJournal(Path.Combine(app.Database.Directory, AuditOptions.DefaultJournalName)).Read();
        var policy = new CheckpointPolicy(5, CheckpointPolicy.Default.Period, CheckpointPolicy.Default.Grace);
        var result = AuditVerifier.Verify(entries, await db.AuditCheckpoints.ToListAsync(), journal,
            CheckpointKey.FromBase64(WorkbenchApp.CheckpointKeyBase64), policy, app.Clock.GetUtcNow());
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(1 + writers / 5, result.CheckpointsChecked); // after the first entry, then every fifth
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_WorkFails_CommitsNeitherChangeNorAudit(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => trail.RunAsync<int>(async () =>
            {
                db.Organisations.Add(new Organisations.Organisation { Id = "GM0014", Name = "Groningen", Kind = Organisations.OrganisationKind.Municipality });
                await db.SaveChangesAsync();
                throw new InvalidOperationException("the change fails after saving");
            }, CancellationToken.None));
        }
        await using var check = app.Services.CreateAsyncScope();
        var fresh = check.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.False(await fresh.Organisations.AnyAsync(o => o.Id == "GM0014"));
        Assert.Equal(0, await fresh.AuditEntries.CountAsync());
    }
}
