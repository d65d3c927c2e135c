using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutputControl.Releases;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;
using static Workbench.Server.Tests.Questions.QuestionsScenario;

namespace Workbench.Server.Tests.Questions;

/// <summary>A question's track past its project: the project's output in review, released into a dashboard release, retracted.</summary>
public class QuestionTrackTests
{
    internal sealed record Journey(QuestionsScenario S, string QuestionId, string ProjectId, HttpClient Scientist, HttpClient Checker1, HttpClient Checker2);

    /// <summary>A question accepted and turned into a project whose data scientist may submit outputs; two output checkers.</summary>
    internal static async Task<Journey> ProjectStartedAsync(QuestionsScenario s)
    {
        var id = await s.SubmittedAsync();
        await ReadAsync(await ScoreAsync(s.Member, id, QuestionBuilder.Score(4, 4, 4)));
        await ReadAsync(await ScoreAsync(s.Chair, id, QuestionBuilder.Score(4, 4, 4)));
        await ReadAsync(await s.Chair.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Accept, "top of the backlog"), Json));
        var scientist = await s.App.CreateUserAsync("sanne", "CBS", WorkbenchRole.DataScientist);
        var olga = await s.App.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker);
        var otto = await s.App.CreateUserAsync("otto", "CBS", WorkbenchRole.OutputChecker);
        var draft = (await s.Admin.GetFromJsonAsync<ProjectRequest>($"/api/questions/{id}/project-draft", Json))!;
        var complete = draft with
        {
            Members = [ProjectBuilder.Scientist(scientist.Id), new ProjectMember(olga.Id, WorkbenchRole.OutputChecker), new ProjectMember(otto.Id, WorkbenchRole.OutputChecker)],
            Weighing = new Weighing("No aggregate shows labs and vacancy together.", "Buildings only.", "The linkage answers it."),
        };
        var created = await s.Admin.PostAsJsonAsync($"/api/questions/{id}/project", complete, Json);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var project = (await created.Content.ReadFromJsonAsync<ProjectResponse>(Json))!.Id;
        return new Journey(s, id, project, await s.App.SignInAsync(scientist),
            await s.App.SignInAsync(olga),
            await s.App.SignInAsync(otto));
    }

    internal static async Task<(string Id, string Hash)> SubmitOutputAsync(Journey j, string title = "Dismantled drug labs per municipality")
    {
        var response = await j.Scientist.PostAsJsonAsync($"/api/projects/{j.ProjectId}/outputs", Outputs.OutputBuilder.Body(title: title), Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var output = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return (Outputs.OutputBuilder.Id(output), Outputs.OutputBuilder.Hash(output));
    }

    internal static async Task ApproveAsync(HttpClient checker, (string Id, string Hash) output)
    {
        var response = await Outputs.OutputBuilder.VoteAsync(checker, output.Id, "approve", output.Hash);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Track_OutputSubmittedThenTwoApprovals_RecordsReviewOnceAndTheReleaseWithDates(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var j = await ProjectStartedAsync(s);
        // To a whole second, so that the dates compare exactly on PostgreSQL too (it keeps microseconds).
        var now = s.App.Clock.GetUtcNow();
        s.App.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - now.Ticks % TimeSpan.TicksPerSecond));
        s.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var submittedAt = s.App.Clock.GetUtcNow();
        var output = await SubmitOutputAsync(j);
        s.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await SubmitOutputAsync(j, "Vacant buildings per municipality");
        await ApproveAsync(j.Checker1, output);
        s.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var releasedAt = s.App.Clock.GetUtcNow();
        await ApproveAsync(j.Checker2, output);
        var quarter = ReleaseSchedule.Quarterly.PeriodOf(DateOnly.FromDateTime(releasedAt.UtcDateTime)).Version;

        var asRequester = await GetAsync(s.Requester, j.QuestionId);
        var asAdmin = await GetAsync(s.Admin, j.QuestionId);

        Assert.Equal(QuestionStatus.Released, asRequester.Status);
        Assert.Equal(quarter, asRequester.ReleasedIn);
        Assert.Equal(
            [QuestionStatus.Draft, QuestionStatus.Submitted, QuestionStatus.InAssessment, QuestionStatus.Assessed, QuestionStatus.Accepted,
             QuestionStatus.ProjectStarted, QuestionStatus.OutputInReview, QuestionStatus.Released],
            asRequester.History.Select(h => h.To));
        var (review, release) = (asRequester.History[^2], asRequester.History[^1]);
        Assert.Equal((submittedAt, "system", output.Id, (string?)null), (review.At, review.By, review.OutputId, review.ReleaseVersion));
        Assert.Equal($"output {output.Id} submitted for review", review.Note);
        Assert.Equal((releasedAt, "system", output.Id, quarter), (release.At, release.By, release.OutputId, release.ReleaseVersion));
        Assert.Equal($"output {output.Id} released in {quarter}", release.Note);
        Assert.DoesNotContain(asRequester.History, h => h.OutputId == second.Id); // a second output in review changes nothing
        Assert.False(release.MaySeeOutput); // the requester is not the output's author nor a checker
        Assert.False(asAdmin.History[^1].MaySeeOutput); // nor is an Admin

        Assert.Equal([AuditActions.QuestionOutputInReview, AuditActions.QuestionReleased], (await s.AuditedAsync(j.QuestionId))[^2..]);
        // Same transactions: each question entry follows its output entry directly, at the same moment.
        var entries = await s.InDatabaseAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        foreach (var (outputAction, questionAction) in new[]
                 { (AuditActions.OutputSubmitted, AuditActions.QuestionOutputInReview), (AuditActions.OutputReleased, AuditActions.QuestionReleased) })
        {
            var outputEntry = entries.First(e => e.Action == outputAction && e.Subject == $"output:{output.Id}");
            var questionEntry = Assert.Single(entries, e => e.Action == questionAction);
            Assert.Equal((outputEntry.Sequence + 1, outputEntry.OccurredAtMs), (questionEntry.Sequence, questionEntry.OccurredAtMs));
        }
    }

    [Fact]
    public async Task Track_ReleasedOutputRetracted_RecordsTheRetraction_ALaterReleaseRecordsTheNewRelease()
    {
        await using var s = await QuestionsScenario.StartAsync(DatabaseProvider.Sqlite);
        var j = await ProjectStartedAsync(s);
        var first = await SubmitOutputAsync(j);
        await ApproveAsync(j.Checker1, first);
        await ApproveAsync(j.Checker2, first);

        var retract = await j.Checker1.PostAsJsonAsync($"/api/outputs/{first.Id}/retract", new { reason = "Municipality A was mislabelled." });
        Assert.Equal(HttpStatusCode.OK, retract.StatusCode);
        var retracted = await GetAsync(s.Requester, j.QuestionId);
        var next = await SubmitOutputAsync(j, "Dismantled drug labs per municipality, corrected");
        await ApproveAsync(j.Checker1, next);
        await ApproveAsync(j.Checker2, next);
        var again = await GetAsync(s.Requester, j.QuestionId);

        Assert.Equal((QuestionStatus.Retracted, (string?)null), (retracted.Status, retracted.ReleasedIn));
        Assert.Equal((first.Id, "output " + first.Id + " retracted: Municipality A was mislabelled."), (retracted.History[^1].OutputId, retracted.History[^1].Note));
        Assert.Equal(
            [QuestionStatus.OutputInReview, QuestionStatus.Released, QuestionStatus.Retracted, QuestionStatus.OutputInReview, QuestionStatus.Released],
            again.History.Skip(6).Select(h => h.To));
        Assert.Equal(next.Id, again.History[^1].OutputId);
        Assert.NotNull(again.ReleasedIn);
        Assert.Equal(
            [AuditActions.QuestionOutputInReview, AuditActions.QuestionReleased, AuditActions.QuestionRetracted, AuditActions.QuestionOutputInReview, AuditActions.QuestionReleased],
            (await s.AuditedAsync(j.QuestionId))[^5..]);
    }

    [Fact]
    public async Task Track_OutputOfAProjectNotStartedFromAQuestion_ChangesNoQuestion()
    {
        await using var s = await QuestionsScenario.StartAsync(DatabaseProvider.Sqlite);
        var j = await ProjectStartedAsync(s);
        var scientistId = (await s.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == "sanne"))).Id;
        var plain = await s.Admin.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientistId)), Json);
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        var unrelated = j with { ProjectId = (await plain.Content.ReadFromJsonAsync<ProjectResponse>(Json))!.Id };

        await SubmitOutputAsync(unrelated);

        Assert.Equal(QuestionStatus.ProjectStarted, (await GetAsync(s.Requester, j.QuestionId)).Status);
        Assert.Equal(0, await s.InDatabaseAsync(db => db.QuestionStatusChanges.CountAsync(c => c.OutputId != null)));
    }
}
