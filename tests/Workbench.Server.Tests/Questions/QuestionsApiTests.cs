using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Questions.QuestionsScenario;

namespace Workbench.Server.Tests.Questions;

/// <summary>Writing, submitting, revising and seeing questions through the API.</summary>
public partial class QuestionsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_SavedDraft_OpensTheRoundRecordsTheTrackAndAuditsEveryStep(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var draft = await s.DraftAsync(QuestionBuilder.Draft());

        var saved = await ReadAsync(await s.Requester.PutAsJsonAsync($"/api/questions/{draft.Id}", QuestionBuilder.Complete(), Json));
        var submitted = await ReadAsync(await s.Requester.PostAsync($"/api/questions/{draft.Id}/submit", null));

        Assert.Matches(@"^Q-\d{4}-001$", draft.Id);
        Assert.Equal((QuestionStatus.Draft, "GM0363", "renske"), (draft.Status, draft.Organisation, draft.CreatedBy));
        Assert.Equal(QuestionBuilder.Complete().Question, saved.Content.Question);
        Assert.Equal((QuestionStatus.Submitted, 1), (submitted.Status, submitted.Revision));
        Assert.NotNull(submitted.SubmittedAt);
        Assert.Equal([QuestionStatus.Draft, QuestionStatus.Submitted], submitted.History.Select(h => h.To));
        Assert.Equal([AuditActions.QuestionCreated, AuditActions.QuestionDraftSaved, AuditActions.QuestionSubmitted], await s.AuditedAsync(draft.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_EmptyQuestion_IsBadRequestAndStoresNothing(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);

        var response = await s.Requester.PostAsJsonAsync("/api/questions", QuestionBuilder.Draft() with { Question = "  " }, Json);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "the question is empty");
        Assert.Equal(0, await s.InDatabaseAsync(db => db.Questions.CountAsync()));
        Assert.Equal(0, await s.InDatabaseAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("question."))));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_UnknownAreaCode_IsBadRequestNamingTheCodeAndStaysADraft(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var draft = await s.DraftAsync(QuestionBuilder.Draft());

        var put = await s.Requester.PutAsJsonAsync($"/api/questions/{draft.Id}", QuestionBuilder.Complete() with { Areas = ["GM0363", "WK999901"] }, Json);
        var submit = await s.Requester.PostAsync($"/api/questions/{draft.Id}/submit", null);

        await AssertProblemAsync(put, HttpStatusCode.BadRequest, "unknown area code 'WK999901'");
        await AssertProblemAsync(submit, HttpStatusCode.BadRequest, "name at least one municipality");
        var after = await GetAsync(s.Requester, draft.Id);
        Assert.Equal((QuestionStatus.Draft, QuestionBuilder.Draft().Question), (after.Status, after.Content.Question));
        Assert.Equal([AuditActions.QuestionCreated], await s.AuditedAsync(draft.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Visibility_DraftsOnlyToTheirOrganisation_SubmittedToSteeringAndAdmin_NeverToOthers(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var draft = (await s.DraftAsync(QuestionBuilder.Draft())).Id;
        var submitted = await s.SubmittedAsync();

        async Task<List<string>> Listed(HttpClient c) => [.. (await c.GetFromJsonAsync<List<QuestionSummary>>("/api/questions", Json))!.Select(q => q.Id)];

        Assert.Equal([draft, submitted], await Listed(s.Requester));
        Assert.Empty(await Listed(s.OtherRequester));
        Assert.Equal([submitted], await Listed(s.Member));
        Assert.Equal([submitted], await Listed(s.Admin));
        Assert.Empty(await Listed(s.Scientist));
        Assert.Equal(HttpStatusCode.NotFound, (await s.OtherRequester.GetAsync($"/api/questions/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.OtherRequester.GetAsync($"/api/questions/{submitted}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Chair.GetAsync($"/api/questions/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Scientist.GetAsync($"/api/questions/{submitted}")).StatusCode);
        Assert.Null((await GetAsync(s.Requester, submitted)).Assessment);
        Assert.NotNull((await GetAsync(s.Member, submitted)).Assessment);
        // Another organisation's requester cannot change it either, and learns nothing from trying.
        Assert.Equal(HttpStatusCode.NotFound, (await s.OtherRequester.PutAsJsonAsync($"/api/questions/{draft}", QuestionBuilder.Draft(), Json)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Change_SubmittedQuestion_OnlyThroughARevisionWithAReason_EarlierRevisionKept(DatabaseProvider provider)
    {
        await using var s = await QuestionsScenario.StartAsync(provider);
        var id = await s.SubmittedAsync();
        var changed = QuestionBuilder.Complete() with { Question = "How often are drug labs found in vacant buildings, per wijk, since 2020?" };

        var put = await s.Requester.PutAsJsonAsync($"/api/questions/{id}", changed, Json);
        var noReason = await s.Requester.PostAsJsonAsync($"/api/questions/{id}/revisions", new RevisionRequest(" ", changed), Json);
        var revised = await ReadAsync(await s.Requester.PostAsJsonAsync($"/api/questions/{id}/revisions", new RevisionRequest("narrow to 2020 onwards", changed), Json));

        await AssertProblemAsync(put, HttpStatusCode.Conflict, "change it through a revision");
        await AssertProblemAsync(noReason, HttpStatusCode.BadRequest, "say why the question changes");
        Assert.Equal((2, changed.Question), (revised.Revision, revised.Content.Question));
        Assert.Equal([1, 2], revised.Revisions.Select(r => r.Revision));
        Assert.Equal(QuestionBuilder.Complete().Question, revised.Revisions[0].Content.Question);
        Assert.Equal("narrow to 2020 onwards", revised.Revisions[1].Reason);
        Assert.Equal(AuditActions.QuestionRevised, (await s.AuditedAsync(id))[^1]);
    }
}
