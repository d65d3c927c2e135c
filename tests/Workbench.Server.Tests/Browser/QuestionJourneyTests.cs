using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Questions;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>A requester submits a question, a steering member scores it, the chair accepts it and an Admin completes the project.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class QuestionJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task Submit_RequesterFillsForm_UnknownAreaRefusedThenSubmittedWithItsTrack()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var requester = await app.CreateUserAsync("renske", "GM0363", WorkbenchRole.Requester);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(page, requester);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Questions" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New research question" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Drug labs in vacant buildings");
        await page.GetByLabel("Research question").FillAsync("How often are dismantled drug labs found in vacant buildings, per wijk?");
        await page.GetByLabel("Policy problem").FillAsync("Inspections of vacant property need police and building records combined.");
        await page.GetByLabel("Areas").FillAsync("GM0363, GM9999");
        await page.Locator("summary", new() { HasText = "dismantlings:" }).ClickAsync();
        await page.Locator("#col-dismantlings-building_id").CheckAsync();
        await page.GetByLabel("Proposed legal basis (GDPR Art. 6)").SelectOptionAsync("PublicTask");
        await page.GetByLabel("Justification of the legal basis").FillAsync("CBS Act art. 3: statistics in the public interest.");
        await page.GetByLabel("Answer needed by").FillAsync(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the steering group" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("unknown area code 'GM9999'");
        await page.GetByLabel("Areas").FillAsync("GM0363, WK036301");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the steering group" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Questions/Details/Q-[^/?#]+$"));
        await Expect(page.Locator("#status")).ToContainTextAsync("Status: Submitted");
        await Expect(page.Locator("#areas")).ToHaveTextAsync("GM0363, WK036301");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Revise this question" })).ToBeVisibleAsync();
        await page.GotoAsync("/Questions");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Drug labs in vacant buildings" })).ToContainTextAsync("Submitted");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Score_SteeringMemberFromBacklog_OwnScoreShownOthersSealed()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("renske", "GM0363", WorkbenchRole.Requester);
        var member = await app.CreateUserAsync("stijn", "JENV", WorkbenchRole.SteeringMember);
        await app.CreateUserAsync("carla", "BZK", WorkbenchRole.SteeringMember, WorkbenchRole.SteeringChair);
        var id = await SubmitAsync(app, "renske");
        await ScoreAsync(app, "carla", id, 2);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(page, member, "/Questions/Backlog");

        var open = page.Locator("#open-rounds").GetByRole(AriaRole.Row).Filter(new() { HasText = id });
        await Expect(open).ToContainTextAsync("1 of 2");
        await Expect(open).ToContainTextAsync("not yet");
        await open.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await Expect(page.Locator("#scores")).ToHaveCountAsync(0);
        await page.GetByLabel("Feasibility").SelectOptionAsync("4");
        await page.GetByLabel("Data availability").SelectOptionAsync("5");
        await page.GetByLabel("Policy relevance").SelectOptionAsync("4");
        await page.GetByLabel("Comment").FillAsync("Both registrations are delivered monthly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my score" }).ClickAsync();

        await Expect(page.Locator("#round")).ToContainTextAsync("2 of 2 steering members have scored");
        await Expect(page.Locator("#status")).ToContainTextAsync("Status: Assessed");
        await Expect(page.Locator("#scores tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#disagreement")).ToContainTextAsync("policy relevance (2–4)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save my score" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Accept_ChairFromRankedBacklog_AdminCompletesTheDraftedProject()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("renske", "GM0363", WorkbenchRole.Requester);
        await app.CreateUserAsync("stijn", "JENV", WorkbenchRole.SteeringMember);
        var chair = await app.CreateUserAsync("carla", "BZK", WorkbenchRole.SteeringMember, WorkbenchRole.SteeringChair);
        var admin = await app.CreateUserAsync("anna", "CBS", WorkbenchRole.Admin);
        await app.CreateUserAsync("daan", "CBS", WorkbenchRole.DataScientist);
        var id = await SubmitAsync(app, "renske");
        await ScoreAsync(app, "stijn", id, 4);
        await ScoreAsync(app, "carla", id, 5);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(page, chair, "/Questions/Backlog");

        await Expect(page.Locator("#formula")).ToContainTextAsync("priority = (1 × feasibility + 1 × data availability + 2 × policy relevance) ÷ 4");
        var ranked = page.Locator("#ranked").GetByRole(AriaRole.Row).Filter(new() { HasText = id });
        await Expect(ranked).ToContainTextAsync("4.25");
        await ranked.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await page.GetByLabel("Accept").CheckAsync();
        await page.GetByLabel("Reason (the requester sees it; required to reject)").FillAsync("Highest priority this quarter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Status: Accepted");
        await Expect(page.Locator("#decision")).ToContainTextAsync("Accept by the steering group's chair");
        await page.Context.CloseAsync();

        var adminPage = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(adminPage, admin, "/Projects");
        await adminPage.GetByRole(AriaRole.Link, new() { Name = $"Set up the project for {id}" }).ClickAsync();
        await Expect(adminPage.Locator("#from-question")).ToContainTextAsync(id);
        await Expect(adminPage.GetByLabel("Purpose (doelbinding)")).ToContainTextAsync("Inspections of vacant property");
        await Expect(adminPage.Locator("#col-dismantlings-building_id")).ToBeCheckedAsync();
        await adminPage.GetByLabel("Members: one per line").FillAsync("daan DataScientist");
        await adminPage.GetByLabel("Subsidiarity").FillAsync("No aggregate shows labs and vacancy together.");
        await adminPage.GetByLabel("Proportionality").FillAsync("Buildings only, no persons.");
        await adminPage.GetByLabel("Effectiveness").FillAsync("The linkage answers the question.");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(adminPage).ToHaveURLAsync(new Regex("/Projects/Details/P-[^/?#]+$"));
        var project = adminPage.Url[(adminPage.Url.LastIndexOf('/') + 1)..];
        await adminPage.GotoAsync($"/Questions/Details/{id}");
        await Expect(adminPage.Locator("#status")).ToContainTextAsync("Status: ProjectStarted");
        await Expect(adminPage.GetByRole(AriaRole.Link, new() { Name = project })).ToBeVisibleAsync();
        await adminPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Track_OutputReleased_RequesterFollowsTheLinkToTheDashboardRelease()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var requester = await app.CreateUserAsync("renske", "GM0363", WorkbenchRole.Requester);
        await app.CreateUserAsync("stijn", "JENV", WorkbenchRole.SteeringMember);
        await app.CreateUserAsync("carla", "BZK", WorkbenchRole.SteeringMember, WorkbenchRole.SteeringChair);
        await app.CreateUserAsync("anna", "CBS", WorkbenchRole.Admin);
        var scientist = await app.CreateUserAsync("daan", "CBS", WorkbenchRole.DataScientist);
        var olga = await app.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker);
        var otto = await app.CreateUserAsync("otto", "CBS", WorkbenchRole.OutputChecker);
        var id = await SubmitAsync(app, "renske");
        await ScoreAsync(app, "stijn", id, 4);
        await ScoreAsync(app, "carla", id, 4);
        var output = await ReleasedThroughAProjectAsync(app, id, scientist.Id, olga.Id, otto.Id);
        var quarter = Outputs.OutputBuilder.CurrentPeriod(app).Version;
        Outputs.OutputBuilder.AdvanceToReleaseDate(app); // the dashboard shows the release from its release date
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(page, requester, $"/Questions/Details/{id}");

        await Expect(page.Locator("#status")).ToContainTextAsync("Status: Released");
        var review = page.Locator("#history tr[data-status=OutputInReview]");
        await Expect(review).ToContainTextAsync(output);
        await Expect(review.GetByRole(AriaRole.Link)).ToHaveCountAsync(0); // the requester may not open the output itself
        var released = page.Locator("#history tr[data-status=Released]");
        await Expect(released).ToContainTextAsync($"output {output} released in {quarter}");
        await Expect(released.GetByRole(AriaRole.Link, new() { Name = quarter })).ToHaveAttributeAsync("href", $"/Dashboard?release={quarter}");
        await page.Locator("#released-in").GetByRole(AriaRole.Link, new() { Name = quarter }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/Dashboard\\?release={Regex.Escape(quarter)}$"));
        await Expect(page.Locator("#shown-release")).ToHaveTextAsync($"Release {quarter}");
        await Expect(page.Locator("main")).ToContainTextAsync("Dismantled drug labs per municipality");
        await page.Context.CloseAsync();
    }

    /// <summary>The chair accepts, the Admin starts the project, its scientist submits an output, two checkers approve it.</summary>
    private static async Task<string> ReleasedThroughAProjectAsync(WorkbenchApp app, string id, string scientistId, params string[] checkerIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var changes = services.GetRequiredService<QuestionChanges>();
        await changes.DecideAsync(id, new DecisionRequest(QuestionDecision.Accept, "top of the backlog"), await AsAsync(services, "carla"), CancellationToken.None);
        var admin = await AsAsync(services, "anna");
        var draft = await services.GetRequiredService<QuestionReader>().ProjectDraftAsync(id, admin, CancellationToken.None);
        var project = await changes.StartProjectAsync(id, (draft with
        {
            Members = [Projects.ProjectBuilder.Scientist(scientistId), .. checkerIds.Select(c => new Workbench.Server.Projects.ProjectMember(c, WorkbenchRole.OutputChecker))],
            Weighing = new Workbench.Server.Projects.Weighing("No aggregate shows labs and vacancy together.", "Buildings only.", "The linkage answers it."),
        }).ToDefinition(), admin, CancellationToken.None);
        var body = System.Text.Json.JsonSerializer.Deserialize<Workbench.Server.Outputs.OutputSubmission>(
            System.Text.Json.JsonSerializer.Serialize(Outputs.OutputBuilder.Body(), Outputs.OutputBuilder.Json), Outputs.OutputBuilder.Json)!;
        var output = await services.GetRequiredService<Workbench.Server.Outputs.OutputSubmissions>()
            .CreateAsync(project.ProjectId, body, await AsAsync(services, "daan"), CancellationToken.None);
        foreach (var checker in new[] { "olga", "otto" })
        {
            await services.GetRequiredService<Workbench.Server.Outputs.ReviewActions>().VoteAsync(
                output.Id, OutputControl.Review.Vote.Approve, output.ContentHash, "Checked every cell.", await AsAsync(services, checker), CancellationToken.None);
        }
        return output.Id;
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> AsAsync(IServiceProvider services, string userName)
    {
        var user = await services.GetRequiredService<UserManager<WorkbenchUser>>().FindByNameAsync(userName);
        return await services.GetRequiredService<IUserClaimsPrincipalFactory<WorkbenchUser>>().CreateAsync(user!);
    }

    private static async Task<string> SubmitAsync(WorkbenchApp app, string requester)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<QuestionChanges>();
        var who = await AsAsync(scope.ServiceProvider, requester);
        var question = await changes.CreateDraftAsync(QuestionBuilder.Complete(), who, CancellationToken.None);
        await changes.SubmitAsync(question.Id, who, CancellationToken.None);
        return question.Id;
    }

    private static async Task ScoreAsync(WorkbenchApp app, string member, string id, int relevance)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuestionChanges>()
            .ScoreAsync(id, QuestionBuilder.Score(4, 4, relevance), await AsAsync(scope.ServiceProvider, member), CancellationToken.None);
    }
}
