using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Outputs.OutputBuilder;

namespace Workbench.Server.Tests.Outputs;

/// <summary>Only output checkers assigned to the output's project review it, and never one of its data scientists.</summary>
public partial class OutputsApiTests
{
    [Fact]
    public async Task Approve_CheckerNotAssignedToTheProject_IsRefusedAuditedAndTheQueueDoesNotShowIt()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        var elsewhere = await s.App.SignInAsync(await s.App.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker));

        var vote = await VoteAsync(elsewhere, Id(output), "approve", Hash(output));
        var queue = await elsewhere.GetFromJsonAsync<JsonElement[]>("/api/outputs", Json);
        var get = await elsewhere.GetAsync($"/api/outputs/{Id(output)}");

        Assert.Equal(HttpStatusCode.NotFound, vote.StatusCode);
        Assert.Contains("that you can see", (await vote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(queue!);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        var stored = await InDbAsync(s.App, db => db.OutputRequests.AsNoTracking().SingleAsync());
        Assert.Empty(stored.Reviews);
        var refused = Assert.Single(await AuditOfAsync(s.App, Id(output)), e => e.Action == AuditActions.OutputReviewRefused);
        Assert.Equal(await UserIdAsync(s.App, "olga"), refused.Actor);
    }

    [Fact]
    public async Task Approve_AssignedChecker_IsAllowedAndTheQueueShowsIt()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();

        var queue = await s.Checker1.GetFromJsonAsync<JsonElement[]>("/api/outputs", Json);
        var vote = await VoteAsync(s.Checker1, Id(output), "approve", Hash(output));

        Assert.True(Assert.Single(queue!).GetProperty("canReview").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        Assert.Equal("PartiallyReviewed", (await vote.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approve_CheckerWhoIsADataScientistOfTheProject_Is403WithReasonAndNotInTheQueue()
    {
        // A project version from before the rule that a member cannot hold both roles: written straight to the database.
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var colleague = await s.App.CreateUserAsync("colleague", "CBS", WorkbenchRole.DataScientist, WorkbenchRole.OutputChecker);
        await InDbAsync(s.App, async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == s.Project);
            var current = await db.ProjectVersions.AsNoTracking().SingleAsync(v => v.ProjectId == s.Project && v.Version == project.CurrentVersion);
            project.CurrentVersion++;
            db.ProjectVersions.Add(new ProjectVersion
            {
                ProjectId = s.Project, Version = project.CurrentVersion, ChangedBy = "test", ChangedAt = s.App.Clock.GetUtcNow(), ChangeReason = "legacy",
                Definition = current.Definition with
                {
                    Members = [.. current.Definition.Members, new ProjectMember(colleague.Id, WorkbenchRole.DataScientist), new ProjectMember(colleague.Id, WorkbenchRole.OutputChecker)],
                },
            });
            return await db.SaveChangesAsync();
        });
        var output = await s.SubmitAsync();
        var client = await s.App.SignInAsync(colleague);

        var vote = await VoteAsync(client, Id(output), "approve", Hash(output));
        var queue = await client.GetFromJsonAsync<JsonElement[]>("/api/outputs", Json);

        Assert.Equal(HttpStatusCode.Forbidden, vote.StatusCode);
        Assert.Equal("a data scientist of the project may never review its outputs, even as an output checker",
            (await vote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(queue!);
        Assert.Single(await AuditOfAsync(s.App, Id(output)), e => e.Action == AuditActions.OutputReviewRefused);
    }

    [Fact]
    public async Task CreateProject_SameUserAsDataScientistAndOutputChecker_Is400()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var admin = await s.App.SignInAsync(await s.App.CreateUserAsync("admin2", "CBS", WorkbenchRole.Admin));

        var response = await admin.PostAsJsonAsync("/api/projects", Projects.ProjectBuilder.Valid(
            Projects.ProjectBuilder.Scientist(s.Scientist.Id), new ProjectMember(s.Scientist.Id, WorkbenchRole.OutputChecker)), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be both a data scientist and an output checker",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("members")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retract_CheckerNotAssignedToTheProject_IsRefused()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync(SafeTable);
        await VoteAsync(s.Checker1, Id(output), "approve", Hash(output));
        await VoteAsync(s.Checker2, Id(output), "approve", Hash(output));
        var elsewhere = await s.App.SignInAsync(await s.App.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker));

        var response = await elsewhere.PostAsJsonAsync($"/api/outputs/{Id(output)}/retract", new { reason = "Municipality A was mislabelled." });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await InDbAsync(s.App, db => db.Retractions.CountAsync()));
    }

    private static Task<string> UserIdAsync(WorkbenchApp app, string userName) =>
        InDbAsync(app, db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
