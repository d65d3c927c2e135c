using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Questions;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Questions;

/// <summary>
/// A server with the people of the questions journey, each signed in: a requester of Amsterdam and one of
/// Rotterdam, two steering members (one of them the chair), an Admin and a data scientist.
/// </summary>
internal sealed class QuestionsScenario : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private QuestionsScenario(WorkbenchApp app) => App = app;

    public WorkbenchApp App { get; }
    public HttpClient Requester { get; private set; } = null!;
    public HttpClient OtherRequester { get; private set; } = null!;
    public HttpClient Member { get; private set; } = null!;
    public HttpClient Chair { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Scientist { get; private set; } = null!;
    public TestUser MemberUser { get; private set; } = null!;
    public TestUser RequesterUser { get; private set; } = null!;

    public static async Task<QuestionsScenario> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null) =>
        await StartAsync(await WorkbenchApp.StartAsync(provider, settings: settings));

    /// <summary>The same people on a server listening on loopback, for a browser.</summary>
    public static async Task<QuestionsScenario> StartOnLoopbackAsync(DatabaseProvider provider) =>
        await StartAsync(await WorkbenchApp.StartOnLoopbackAsync(provider));

    private static async Task<QuestionsScenario> StartAsync(WorkbenchApp started)
    {
        var scenario = new QuestionsScenario(started);
        var app = scenario.App;
        scenario.RequesterUser = await app.CreateUserAsync("renske", "GM0363", WorkbenchRole.Requester);
        scenario.Requester = await app.SignInAsync(scenario.RequesterUser);
        scenario.OtherRequester = await app.SignInAsync(await app.CreateUserAsync("rob", "GM0599", WorkbenchRole.Requester));
        scenario.MemberUser = await app.CreateUserAsync("stijn", "JENV", WorkbenchRole.SteeringMember);
        scenario.Member = await app.SignInAsync(scenario.MemberUser);
        scenario.Chair = await app.SignInAsync(await app.CreateUserAsync("carla", "BZK", WorkbenchRole.SteeringMember, WorkbenchRole.SteeringChair));
        scenario.Admin = await app.SignInAsync(await app.CreateUserAsync("anna", "CBS", WorkbenchRole.Admin));
        scenario.Scientist = await app.SignInAsync(await app.CreateUserAsync("daan", "CBS", WorkbenchRole.DataScientist));
        return scenario;
    }

    /// <summary>A draft of the Amsterdam requester.</summary>
    public async Task<QuestionDetails> DraftAsync(QuestionContent? content = null)
    {
        var response = await Requester.PostAsJsonAsync("/api/questions", content ?? QuestionBuilder.Complete(), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<QuestionDetails>(Json))!;
    }

    /// <summary>A submitted question of the Amsterdam requester.</summary>
    public async Task<string> SubmittedAsync(QuestionContent? content = null)
    {
        var id = (await DraftAsync(content)).Id;
        var response = await Requester.PostAsync($"/api/questions/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    public static async Task<QuestionDetails> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<QuestionDetails>(Json))!;
    }

    public static async Task<QuestionDetails> GetAsync(HttpClient client, string id) => await ReadAsync(await client.GetAsync($"/api/questions/{id}"));

    public static Task<HttpResponseMessage> ScoreAsync(HttpClient client, string id, ScoreRequest score) =>
        client.PostAsJsonAsync($"/api/questions/{id}/scores", score, Json);

    /// <summary>A refusal: the status, ProblemDetails, and the detail containing <paramref name="detail"/>.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Contains(detail, StringComparison.Ordinal), body);
    }

    public async Task<T> InDatabaseAsync<T>(Func<WorkbenchDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>());
    }

    /// <summary>The actions audited on this question, in order.</summary>
    public Task<List<string>> AuditedAsync(string id) => InDatabaseAsync(db =>
        db.AuditEntries.Where(e => e.Subject == QuestionChanges.Subject(id)).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
