using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutputControl.Review;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Outputs.OutputBuilder;

namespace Workbench.Server.Tests.Outputs;

/// <summary>Submitting outputs and what is stored; who may see them.</summary>
public partial class OutputsApiTests
{
    internal static async Task<List<AuditEntry>> AuditOfAsync(WorkbenchApp app, string outputId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Subject == $"output:{outputId}").OrderBy(e => e.Sequence).ToListAsync();
    }

    internal static async Task<T> InDbAsync<T>(WorkbenchApp app, Func<WorkbenchDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_ValidRequest_StoredWithContentHashAndCheckResultAndAudited(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);

        var output = await s.SubmitAsync();

        var id = Id(output);
        Assert.Matches("^O-\\d{4}-0001$", id);
        Assert.Equal("Submitted", output.GetProperty("status").GetString());
        Assert.Equal("Protected", output.GetProperty("verdict").GetString());
        var stored = await InDbAsync(s.App, db => db.OutputRequests.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stored.Content))), Hash(output));
        using var content = JsonDocument.Parse(stored.Content);
        Assert.Equal(9, content.RootElement.GetProperty("request").GetProperty("output").GetProperty("cells")[0].GetProperty("units").GetInt32());
        var cells = output.GetProperty("checkResult").GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal("primary", cells[0].GetProperty("status").GetString());
        Assert.Contains("minUnits: 9 units < 10", cells[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("secondary", cells[1].GetProperty("status").GetString());
        var audit = Assert.Single(await AuditOfAsync(s.App, id));
        Assert.Equal(AuditActions.OutputSubmitted, audit.Action);
        Assert.Equal(s.Scientist.Id, audit.Actor);
        Assert.Contains(Hash(output), audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_TotalThatDoesNotAddUp_Is400NamingTheFieldAndStoresNothing()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);

        var response = await s.Author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", Body(BrokenTotal), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.StartsWith("request.", error.Name, StringComparison.Ordinal);
        Assert.Contains("74", error.Value[0].GetString(), StringComparison.Ordinal); // the cells sum to 74, not 75
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
        Assert.Equal(0, await InDbAsync(s.App, db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("output."))));
    }

    [Fact]
    public async Task Submit_MissingFieldsAndOwnPrevious_Is400ListingEveryField()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var body = new { request = JsonDocument.Parse("""{ "output": {}, "previous": [ { "kind": "model" } ] }""").RootElement, title = " " };

        var response = await s.Author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", body, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["description", "justification", "request.previous", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
    }

    [Fact]
    public async Task Submit_NotAMember_Is404_CheckerOfTheProject_Is403()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var elsewhere = await s.App.SignInAsync(await s.App.CreateUserAsync("olga", "CBS", WorkbenchRole.DataScientist));

        var outsider = await elsewhere.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", Body(), Json);
        var checker = await s.Checker1.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", Body(), Json);
        var unknown = await s.Author.PostAsJsonAsync("/api/projects/P-2000-999/outputs", Body(), Json);

        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, checker.StatusCode);
        Assert.Contains("only the project's data scientists", (await checker.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
    }

    [Fact]
    public async Task Submit_AfterRetentionEnd_Is403WithReason()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        s.App.Clock.Advance(TimeSpan.FromDays(367));

        var response = await s.Author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", Body(), Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("retention period ended", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ByAuthorAndChecker_Allowed_ByOthers_404()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var id = Id(await s.SubmitAsync());
        var steering = await s.App.SignInAsync(await s.App.CreateUserAsync("steer", "CBS", WorkbenchRole.SteeringMember));

        Assert.Equal(HttpStatusCode.OK, (await s.Author.GetAsync($"/api/outputs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Checker1.GetAsync($"/api/outputs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await steering.GetAsync($"/api/outputs/{id}")).StatusCode);
        Assert.Empty(await steering.GetFromJsonAsync<JsonElement[]>("/api/outputs") ?? []);
        var queue = await s.Checker1.GetFromJsonAsync<JsonElement[]>("/api/outputs", Json);
        Assert.Equal(id, Id(Assert.Single(queue!)));
        Assert.True(queue![0].GetProperty("canReview").GetBoolean());
    }

    [Fact]
    public async Task Submit_AsDraft_ThenSubmit_GoesToTheQueue()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var response = await s.Author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", Body(submit: false), Json);
        var draft = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        var queueBefore = await s.Checker1.GetFromJsonAsync<JsonElement[]>("/api/outputs", Json);
        var submitted = await (await s.Author.PostAsync($"/api/outputs/{Id(draft)}/submit", null)).Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Empty(queueBefore!);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal([AuditActions.OutputDrafted, AuditActions.OutputSubmitted], (await AuditOfAsync(s.App, Id(draft))).Select(e => e.Action));
    }

    [Fact]
    public async Task Submit_AfterARelease_ComparesWithTheProjectsReleasedOutputOfTheSameShape()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var first = await s.SubmitAsync(SafeTable, "First");
        await VoteAsync(s.Checker1, Id(first), "approve", Hash(first));
        await VoteAsync(s.Checker2, Id(first), "approve", Hash(first));

        var second = await s.SubmitAsync(SafeTable.Replace("31", "32", StringComparison.Ordinal).Replace("76", "77", StringComparison.Ordinal), "Second");
        var model = await s.SubmitAsync("""{ "output": { "kind": "model", "observations": 500, "parameters": 3 } }""", "Model");

        Assert.Equal([Id(first)], second.GetProperty("comparedWith").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(model.GetProperty("comparedWith").EnumerateArray());
    }

    [Fact]
    public async Task Submit_LinkedWithARelease_KeepsWhatTheReleaseHidHidden()
    {
        // Released: A=9 (primary) and B=25 (its partner) hidden. Now the same municipalities by sex: B's total is the
        // released B, so it must stay hidden whatever this table alone would need.
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var first = await s.SubmitAsync(ProtectedTable, "First");
        await VoteAsync(s.Checker1, Id(first), "approve", Hash(first));
        await VoteAsync(s.Checker2, Id(first), "approve", Hash(first));
        const string bySex = """
            { "output": { "kind": "table", "measure": "count",
                "dimensions": [ { "name": "gemeente", "categories": ["A", "B", "C"], "total": "Totaal" },
                                { "name": "geslacht", "categories": ["m", "v"], "total": "Totaal" } ],
                "cells": [ { "key": ["A", "m"], "value": 4, "units": 4 }, { "key": ["A", "v"], "value": 5, "units": 5 },
                           { "key": ["A", "Totaal"], "value": 9, "units": 9 }, { "key": ["B", "m"], "value": 12, "units": 12 },
                           { "key": ["B", "v"], "value": 13, "units": 13 }, { "key": ["B", "Totaal"], "value": 25, "units": 25 },
                           { "key": ["C", "m"], "value": 20, "units": 20 }, { "key": ["C", "v"], "value": 20, "units": 20 },
                           { "key": ["C", "Totaal"], "value": 40, "units": 40 }, { "key": ["Totaal", "m"], "value": 36, "units": 36 },
                           { "key": ["Totaal", "v"], "value": 38, "units": 38 }, { "key": ["Totaal", "Totaal"], "value": 74, "units": 74 } ] } }
            """;

        var second = await s.SubmitAsync(bySex, "Second");

        Assert.Equal([Id(first)], second.GetProperty("comparedWith").EnumerateArray().Select(e => e.GetString()));
        var result = second.GetProperty("checkResult");
        string Status(string a, string b) => result.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("key")[0].GetString() == a && c.GetProperty("key")[1].GetString() == b).GetProperty("status").GetString()!;
        Assert.Equal("secondary", Status("B", "Totaal"));
        Assert.Equal("primary", Status("A", "Totaal"));
        Assert.Contains(result.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "linked"
            && f.GetProperty("detail").GetString() == "protected as one cover table with previous[0] (4 cells shared)");
    }
}
