using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Questions.QuestionsScenario;

namespace Workbench.Server.Tests.Questions;

/// <summary>Scoring, sealed scores, closing the round.</summary>
public partial class QuestionsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Score_SealedUntilEveryMemberScored_ThenAllVisibleWithTheDisagreement(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await s.SubmittedAsync();

        var first = await ReadAsync(await ScoreAsync(s.Member, id, QuestionBuilder.Score(4, 4, 5)));
        var chairBefore = await GetAsync(s.Chair, id);
        var last = await ReadAsync(await ScoreAsync(s.Chair, id, QuestionBuilder.Score(4, 3, 1)));
        var memberAfter = await GetAsync(s.Member, id);

        Assert.Equal(QuestionStatus.InAssessment, first.Status);
        Assert.Equal((false, 1, 2, true, false), (first.Assessment!.ScoresVisible, first.Assessment.Scored, first.Assessment.Members, first.Assessment.YouScored, first.Assessment.YouMayScore));
        Assert.Equal(["stijn"], first.Assessment.Scores.Select(x => x.Member));
        Assert.Null(first.Assessment.Summary);
        Assert.Empty(chairBefore.Assessment!.Scores);
        Assert.True(chairBefore.Assessment.YouMayScore);
        Assert.Equal(QuestionStatus.Assessed, last.Status);
        Assert.NotNull(last.RoundClosedAt);
        Assert.Equal(["carla", "stijn"], memberAfter.Assessment!.Scores.Select(x => x.Member).Order());
        var summary = memberAfter.Assessment.Summary!;
        Assert.True(summary.PolicyRelevance.Disagreement);
        Assert.False(summary.Feasibility.Disagreement);
        Assert.Equal((4 + 4 + 2 * 5 + 4 + 3 + 2 * 1) / 8.0, summary.Priority);
        Assert.Equal("every steering member scored", last.History[^1].Note);
        Assert.Equal([AuditActions.QuestionCreated, AuditActions.QuestionSubmitted, AuditActions.QuestionScored, AuditActions.QuestionScored, AuditActions.QuestionRoundClosed],
            await s.AuditedAsync(id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Score_SecondTimeBySameMember_IsConflictAndKeepsTheFirst(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await s.SubmittedAsync();
        await ReadAsync(await ScoreAsync(s.Member, id, QuestionBuilder.Score(2, 2, 2)));

        var again = await ScoreAsync(s.Member, id, QuestionBuilder.Score(5, 5, 5));

        await AssertProblemAsync(again, HttpStatusCode.Conflict, $"you already scored question {id}");
        var stored = await s.InDatabaseAsync(db => db.QuestionScores.Where(x => x.QuestionId == id).ToListAsync());
        Assert.Equal(2, Assert.Single(stored).Feasibility);
        Assert.Single(await s.AuditedAsync(id), a => a == AuditActions.QuestionScored);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Score_RoundClosedByTheChair_IsConflictAndChangesNothing(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await s.SubmittedAsync();
        var closeEarly = await s.Chair.PostAsJsonAsync($"/api/questions/{id}/close-round", new CloseRoundRequest("the meeting is today"), Json);
        await ReadAsync(await ScoreAsync(s.Member, id, QuestionBuilder.Score()));

        var closed = await ReadAsync(await s.Chair.PostAsJsonAsync($"/api/questions/{id}/close-round", new CloseRoundRequest("the meeting is today"), Json));
        var late = await ScoreAsync(s.Chair, id, QuestionBuilder.Score());

        await AssertProblemAsync(closeEarly, HttpStatusCode.Conflict, "nobody has scored");
        Assert.Equal(QuestionStatus.Assessed, closed.Status);
        Assert.Equal("closed by the chair: the meeting is today", closed.History[^1].Note);
        Assert.True(closed.Assessment!.ScoresVisible);
        await AssertProblemAsync(late, HttpStatusCode.Conflict, $"the assessment round of question {id} closed on");
        Assert.Equal(1, await s.InDatabaseAsync(db => db.QuestionScores.CountAsync(x => x.QuestionId == id)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Score_OutOfRangeOrNoComment_IsBadRequest_ChairWithoutMemberRole_IsForbidden(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await s.SubmittedAsync();
        var chairOnly = await s.App.SignInAsync(await s.App.CreateUserAsync("vera", "BZK", Workbench.Server.Identity.WorkbenchRole.SteeringChair));

        await AssertProblemAsync(await ScoreAsync(s.Member, id, QuestionBuilder.Score(6, 3, 3)), HttpStatusCode.BadRequest, "score 1 to 5, not 6");
        await AssertProblemAsync(await ScoreAsync(s.Member, id, QuestionBuilder.Score() with { Comment = "" }), HttpStatusCode.BadRequest, "explain your scores");
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(chairOnly, id, QuestionBuilder.Score())).StatusCode);
        Assert.Equal(QuestionStatus.Submitted, (await GetAsync(s.Member, id)).Status);
    }
}
