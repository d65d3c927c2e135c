using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Questions;

public class DemoQuestionsTests
{
    [Fact]
    public async Task Seed_DemoUsersPresent_OneAssessedOneOpenOneDraft_AndOnlyOnce()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("requester", "GM0363", WorkbenchRole.Requester);
        await app.CreateUserAsync("steering", "JENV", WorkbenchRole.SteeringMember);
        await app.CreateUserAsync("chair", "BZK", WorkbenchRole.SteeringMember, WorkbenchRole.SteeringChair);

        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoQuestions.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        }

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var statuses = await db.Questions.OrderBy(q => q.Id).Select(q => q.Status).ToListAsync();
        Assert.Equal([QuestionStatus.Assessed, QuestionStatus.InAssessment, QuestionStatus.Draft], statuses);
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.QuestionScored));
    }

    [Fact]
    public async Task Seed_NoDemoUsers_SeedsNothing()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();

        await DemoQuestions.SeedAsync(scope.ServiceProvider, CancellationToken.None);

        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().Questions.CountAsync());
    }
}
