using System.Net;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Questions.QuestionsScenario;

namespace Workbench.Server.Tests.Questions;

/// <summary>The question pages' forms, posted the way a browser posts them.</summary>
public class QuestionPagesTests
{
    [Fact]
    public async Task Create_SubmitIncomplete_SavesTheDraftAndTheEditPageSaysWhatIsMissing()
    {
        await using var s = await QuestionsScenario.StartAsync(DatabaseProvider.Sqlite);

        var posted = await WorkbenchApp.PostFormAsync(s.Requester, "/Questions/Create", new()
        {
            ["Title"] = "Cash-intensive companies", ["Question"] = "Are cash-intensive companies over-represented near ports?", ["Action"] = "submit",
        });
        var location = posted.Headers.Location!.OriginalString;
        var edit = await s.Requester.GetStringAsync(location);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Matches(@"^/Questions/Edit/Q-\d{4}-001$", location);
        Assert.Contains("The question was not submitted:", edit, StringComparison.Ordinal);
        Assert.Contains("policyProblem: describe the policy problem", edit, StringComparison.Ordinal);
        Assert.Equal(QuestionStatus.Draft, (await GetAsync(s.Requester, location.Split('/')[^1])).Status);
    }

    [Fact]
    public async Task Details_ScoreForm_SecondPostShowsTheRefusalAndKeepsOneScore()
    {
        await using var s = await QuestionsScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await s.SubmittedAsync();
        Dictionary<string, string> Score() => new() { ["Feasibility"] = "4", ["DataAvailability"] = "3", ["PolicyRelevance"] = "5", ["Comment"] = "linkable" };

        async Task<HttpResponseMessage> PostScoreAsync(string page) => await s.Member.PostAsync($"/Questions/Details/{id}?handler=Score",
            new FormUrlEncodedContent(new Dictionary<string, string>(Score()) { ["__RequestVerificationToken"] = AntiforgeryOf(page) }));
        var form = await s.Member.GetStringAsync($"/Questions/Details/{id}");
        var first = await PostScoreAsync(form);
        var page = await s.Member.GetStringAsync($"/Questions/Details/{id}");
        var second = await PostScoreAsync(form); // the same form sent again: the page no longer offers it

        Assert.Contains("Save my score", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("1 of 2 steering members have scored", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Save my score", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains($"you already scored question {id}", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await s.AuditedAsync(id), a => a == AuditActions.QuestionScored);
    }

    [Fact]
    public async Task Pages_WrongRole_AreDeniedOrNotFound()
    {
        await using var s = await QuestionsScenario.StartAsync(DatabaseProvider.Sqlite);
        var draft = (await s.DraftAsync()).Id;

        var backlog = await s.Requester.GetAsync("/Questions/Backlog");
        var create = await s.Member.GetAsync("/Questions/Create");
        var otherDraft = await s.OtherRequester.GetAsync($"/Questions/Details/{draft}");
        var steeringDraft = await s.Chair.GetAsync($"/Questions/Details/{draft}");

        Assert.StartsWith("http://localhost/Account/Denied", backlog.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/Account/Denied", create.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, steeringDraft.StatusCode);
    }

    private static string AntiforgeryOf(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}
