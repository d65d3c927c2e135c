using System.Net;
using System.Net.Http.Json;
using Workbench.Audit;
using Workbench.Server.Projects;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Questions.QuestionsScenario;

namespace Workbench.Server.Tests.Questions;

/// <summary>The chair's decision, the project an accepted question drafts, and the backlog.</summary>
public partial class QuestionsApiTests
{
    private static async Task<string> AssessedAsync(QuestionsScenario s, QuestionContent? content = null, int relevance = 4)
    {
        var id = await s.SubmittedAsync(content);
        await ReadAsync(await ScoreAsync(s.Member, id, QuestionBuilder.Score(4, 4, relevance)));
        await ReadAsync(await ScoreAsync(s.Chair, id, QuestionBuilder.Score(4, 4, relevance)));
        return id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_RejectNeedsAReason_TheRequesterSeesIt(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await AssessedAsync(s);

        var bare = await s.Chair.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Reject, ""), Json);
        var byMember = await s.Member.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Accept, null), Json);
        await ReadAsync(await s.Chair.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Reject, "The police registrations cannot answer this at wijk level."), Json));
        var seen = await GetAsync(s.Requester, id);
        var again = await s.Chair.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Accept, null), Json);

        await AssertProblemAsync(bare, HttpStatusCode.BadRequest, "give the requester the reason");
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal((QuestionStatus.Rejected, QuestionDecision.Reject), (seen.Status, seen.Decision));
        Assert.Equal("The police registrations cannot answer this at wijk level.", seen.DecisionReason);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "cannot change status from Rejected to Accepted");
        Assert.Equal(AuditActions.QuestionRejected, (await s.AuditedAsync(id))[^1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_OpenRound_IsConflictAndChangesNothing(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await s.SubmittedAsync();

        var early = await s.Chair.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Accept, null), Json);

        await AssertProblemAsync(early, HttpStatusCode.Conflict, "cannot change status from Submitted to Accepted");
        Assert.Equal(QuestionStatus.Submitted, (await GetAsync(s.Chair, id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accept_DraftsAProject_AdminCompletesIt_TheQuestionTracksTheProject(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await AssessedAsync(s);
        var parked = await ReadAsync(await s.Chair.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Park, "after the summer"), Json));
        await ReadAsync(await s.Chair.PostAsJsonAsync($"/api/questions/{id}/decision", new DecisionRequest(QuestionDecision.Accept, "top of the backlog"), Json));

        var draft = (await s.Admin.GetFromJsonAsync<ProjectRequest>($"/api/questions/{id}/project-draft", Json))!;
        var incomplete = await s.Admin.PostAsJsonAsync($"/api/questions/{id}/project", draft, Json);
        var completed = draft with { Weighing = new Weighing("No aggregate shows labs and vacancy together.", "Buildings only.", "The linkage answers it.") };
        var created = await s.Admin.PostAsJsonAsync($"/api/questions/{id}/project", completed, Json);
        var project = (await created.Content.ReadFromJsonAsync<ProjectResponse>(Json))!;
        var tracked = await GetAsync(s.Requester, id);
        var twice = await s.Admin.PostAsJsonAsync($"/api/questions/{id}/project", completed, Json);

        Assert.Equal(QuestionStatus.Parked, parked.Status);
        Assert.Equal(QuestionBuilder.Complete().Title, draft.Title);
        Assert.Contains(QuestionBuilder.Complete().PolicyProblem, draft.Purpose, StringComparison.Ordinal);
        Assert.Equal(QuestionBuilder.Complete().Datasets.Select(g => g.Dataset), draft.Datasets.Select(g => g.Dataset));
        await AssertProblemAsync(incomplete, HttpStatusCode.BadRequest, "weighing.subsidiarity");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((QuestionStatus.ProjectStarted, project.Id), (tracked.Status, tracked.ProjectId));
        Assert.Equal([QuestionStatus.Draft, QuestionStatus.Submitted, QuestionStatus.InAssessment, QuestionStatus.Assessed, QuestionStatus.Parked, QuestionStatus.Accepted, QuestionStatus.ProjectStarted],
            tracked.History.Select(h => h.To));
        Assert.Equal(project.Id, tracked.History[^1].Note);
        await AssertProblemAsync(twice, HttpStatusCode.Conflict, "cannot change status from ProjectStarted to ProjectStarted");
        Assert.Equal(AuditActions.QuestionProjectStarted, (await s.AuditedAsync(id))[^1]);
        // The project and the link were written in one transaction: the project's creation is the entry just before.
        var entries = await s.InDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.Action == AuditActions.ProjectCreated || e.Action == AuditActions.QuestionProjectStarted).OrderBy(e => e.Sequence)));
        Assert.Equal([entries[0].Sequence + 1, entries[0].OccurredAtMs], [entries[1].Sequence, entries[1].OccurredAtMs]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Backlog_ConfiguredFormula_RanksShowsTheFormulaAndListsOpenRounds(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider, new Dictionary<string, string>
        {
            ["Prioritisation:FeasibilityWeight"] = "0", ["Prioritisation:DataAvailabilityWeight"] = "0", ["Prioritisation:PolicyRelevanceWeight"] = "1",
        });
        var low = await AssessedAsync(s, QuestionBuilder.Complete("low relevance"), relevance: 2);
        var high = await AssessedAsync(s, QuestionBuilder.Complete("high relevance"), relevance: 5);
        var open = await s.SubmittedAsync(QuestionBuilder.Complete("still open"));

        var backlog = (await s.Member.GetFromJsonAsync<Backlog>("/api/questions/backlog", Json))!;
        var asRequester = await s.Requester.GetAsync("/api/questions/backlog");

        Assert.Equal([high, low], backlog.Ranked.Select(r => r.Id));
        Assert.Equal([5.0, 2.0], backlog.Ranked.Select(r => r.Priority));
        Assert.StartsWith("priority = (0 × feasibility + 0 × data availability + 1 × policy relevance) ÷ 1", backlog.Formula, StringComparison.Ordinal);
        Assert.Equal(PrioritisationOptions.TieBreaks, backlog.TieBreaks);
        Assert.Equal([(open, 0, 2)], backlog.OpenRounds.Select(o => (o.Id, o.Scored, o.Members)));
        Assert.Equal(HttpStatusCode.Forbidden, asRequester.StatusCode);
    }

    [Fact]
    public async Task Start_InvalidPrioritisationWeights_FailsAtStart()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
            {
                ["Prioritisation:FeasibilityWeight"] = "0", ["Prioritisation:DataAvailabilityWeight"] = "0", ["Prioritisation:PolicyRelevanceWeight"] = "0",
            });
        });
        Assert.Contains("Prioritisation", e.ToString(), StringComparison.Ordinal);
    }
}
