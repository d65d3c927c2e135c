using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Audit;

/// <summary>The timer's checkpoints and the server's own verification, on the fake clock.</summary>
public class AuditCheckpointTimerTests
{
    private static readonly Dictionary<string, string> FiveMinutes = new() { ["Audit:CheckpointPeriod"] = "00:05:00", ["Audit:CheckpointGrace"] = "00:01:00" };

    private static async Task<List<long>> CheckpointSizesAsync(WorkbenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        return await db.AuditCheckpoints.OrderBy(c => c.TreeSize).Select(c => c.TreeSize).ToListAsync();
    }

    private static async Task<long> EntryCountAsync(WorkbenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries.LongCountAsync();
    }

    private static async Task<JsonElement> VerifyThroughApiAsync(WorkbenchApp app, HttpClient admin)
    {
        var response = await admin.GetAsync(new Uri("/api/audit/verify", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Timer_EntriesSinceTheLastCheckpoint_WritesOneAfterThePeriod()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, checkpointInterval: 100, FiveMinutes);
        for (var i = 0; i < 3; i++) await app.CreateUserAsync($"user{i}", "CBS", WorkbenchRole.DataScientist);
        var entries = await EntryCountAsync(app);
        Assert.True(entries > 1);
        Assert.Equal([1L], await CheckpointSizesAsync(app)); // after the first entry only

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while ((await CheckpointSizesAsync(app)).Count < 2 && TimeProvider.System.GetUtcNow() < deadline) await Task.Delay(50);

        Assert.Equal([1L, entries], await CheckpointSizesAsync(app));
        var journal = new CheckpointJournal(Path.Combine(app.Database.Directory, AuditOptions.DefaultJournalName)).Read();
        Assert.Equal([1L, entries], journal.Checkpoints.Select(c => c.TreeSize).Order());
    }

    [Fact]
    public async Task Tick_NothingAddedSinceTheLastCheckpoint_WritesNone()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, checkpointInterval: 100, FiveMinutes);
        await app.CreateUserAsync("user", "CBS", WorkbenchRole.DataScientist);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditTrail>().CheckpointAsync(CancellationToken.None));
        Assert.Equal([1L], await CheckpointSizesAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyApi_HappyPathAcrossTimerTicks_IsIntact(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider, checkpointInterval: 4, FiveMinutes);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        for (var i = 0; i < 6; i++) await app.CreateUserAsync($"user{i}", "CBS", WorkbenchRole.DataScientist);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().CheckpointAsync(CancellationToken.None); // as a tick would
        }
        app.Clock.Advance(TimeSpan.FromHours(2));

        var result = await VerifyThroughApiAsync(app, admin);

        Assert.True(result.GetProperty("isIntact").GetBoolean(), result.ToString());
        Assert.Contains(AuditOptions.DefaultJournalName, result.GetProperty("journal").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyApi_TimerCheckpointDeletedAndTailOlderThanThePeriod_ReportsStale()
    {
        // The timer covers every entry within one period; deleting its newest checkpoint leaves the tail uncovered,
        // and once that tail is older than the period allows, verification says so.
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, checkpointInterval: 100, FiveMinutes);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var covered = await EntryCountAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().CheckpointAsync(CancellationToken.None);
        }
        await app.CreateUserAsync("late", "CBS", WorkbenchRole.DataScientist);
        app.Clock.Advance(TimeSpan.FromMinutes(7)); // the timer ticks at minute 5 and covers "late"
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while ((await CheckpointSizesAsync(app)).Max() <= covered && TimeProvider.System.GetUtcNow() < deadline) await Task.Delay(50);
        Assert.True((await CheckpointSizesAsync(app)).Max() > covered, "the timer did not checkpoint");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditCheckpoints.Where(c => c.TreeSize > covered).ExecuteDeleteAsync();
        }

        var result = await VerifyThroughApiAsync(app, admin);

        Assert.False(result.GetProperty("isIntact").GetBoolean());
        Assert.Equal("CheckpointStale", result.GetProperty("problem").GetString());
        Assert.Contains("checkpoint period", result.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
