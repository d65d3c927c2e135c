using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Outputs.OutputBuilder;

namespace Workbench.Server.Tests.Outputs;

/// <summary>The server's own disclosure policy: an author cannot lower it, and checkers see which one was applied.</summary>
public partial class OutputsApiTests
{
    /// <summary>The contract's example table (A has 9 units) asking for the policy from issue 14.</summary>
    private static string ProtectedTableWithPolicy(string policy) =>
        ProtectedTable.Replace("""{ "minUnits": 10 }""", policy, StringComparison.Ordinal);

    [Fact]
    public async Task Submit_AuthorLowersThePolicy_Is400NamingEachFieldAuditedAndStoresNothing()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);

        var response = await s.Author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs",
            Body(ProtectedTableWithPolicy("""{ "minUnits": 1, "dominance": null, "pPercent": null }""")), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["request.policy.dominance", "request.policy.minUnits", "request.policy.pPercent"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("1 is below the enforced 10", problem.GetProperty("errors").GetProperty("request.policy.minUnits")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
        var refused = await InDbAsync(s.App, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.OutputPolicyRefused));
        Assert.Equal(s.Scientist.Id, refused.Actor);
        Assert.Contains("policy.minUnits", refused.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_StricterPolicyAsked_IsIgnoredTheServersIsAppliedStoredAndShown()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);

        var output = await s.SubmitAsync(ProtectedTableWithPolicy("""{ "minUnits": 50, "roundingBase": 100 }"""));

        // Under minUnits 50 every cell would be primary; under the server's 10 only A is, and B protects it.
        Assert.Equal("Protected", output.GetProperty("verdict").GetString());
        var applied = output.GetProperty("appliedPolicy");
        Assert.Equal(10, applied.GetProperty("minUnits").GetInt32());
        Assert.Equal(10, applied.GetProperty("roundingBase").GetInt32());
        Assert.Equal(85, applied.GetProperty("dominance").GetProperty("k").GetInt32());
        Assert.Equal(applied.GetRawText(), output.GetProperty("checkResult").GetProperty("policy").GetRawText());
        // The reviewed (hashed) content carries the applied policy, not the one asked for.
        Assert.Equal(10, output.GetProperty("request").GetProperty("policy").GetProperty("minUnits").GetInt32());
        var stored = await InDbAsync(s.App, db => db.OutputRequests.AsNoTracking().SingleAsync());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stored.Content))), Hash(output));
        Assert.DoesNotContain("\"minUnits\":50", stored.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ConfiguredStricterPolicy_IsAppliedWithoutThePolicyInTheRequest()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["DisclosurePolicy:MinUnits"] = "30" });

        var output = await s.SubmitAsync(SafeTable); // 31 and 45 units: safe under 10, A (31) safe under 30 too

        var under30 = await s.SubmitAsync(ProtectedTable.Replace("""{ "minUnits": 10 }""", """{ "minUnits": 30 }""", StringComparison.Ordinal), "Stricter");
        var asked10 = await s.Author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", Body(ProtectedTable), Json);

        Assert.Equal(30, output.GetProperty("appliedPolicy").GetProperty("minUnits").GetInt32());
        var cells = under30.GetProperty("checkResult").GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal("primary", cells[1].GetProperty("status").GetString()); // B: 25 units < 30
        Assert.Equal(HttpStatusCode.BadRequest, asked10.StatusCode); // minUnits 10 is now weaker than the server's 30
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    public async Task Start_ConfiguredPolicyWeakerThanTheContractsDefaults_FailsNamingTheField(string minUnits)
    {
        var e = await Assert.ThrowsAnyAsync<OptionsValidationException>(async () =>
        {
            await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string> { ["DisclosurePolicy:MinUnits"] = minUnits });
        });

        Assert.Contains("minUnits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_DuplicatedPolicyKey_Is400NamingTheKeyAndStoresNothing()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var request = ProtectedTable.Replace("""{ "policy": { "minUnits": 10 },""",
            """{ "policy": { "minUnits": 10 }, "policy": { "minUnits": 1, "dominance": null, "pPercent": null },""", StringComparison.Ordinal);
        Assert.NotEqual(ProtectedTable, request);
        var body = $$"""
            { "request": {{request}}, "title": "Duplicated policy", "description": "Counted dismantlings per municipality.", "justification": "Nothing unusual." }
            """;

        var response = await s.Author.PostAsync($"/api/projects/{s.Project}/outputs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("policy", problem, StringComparison.Ordinal);
        Assert.Contains("uplicate", problem, StringComparison.Ordinal);
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
    }

    [Fact]
    public async Task Submit_DuplicatedKeyInACell_Is400NamingTheKeyAndStoresNothing()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var request = ProtectedTable.Replace("""{ "key": ["A"], "value": 9, "units": 9 }""", """{ "key": ["A"], "value": 9, "units": 9, "units": 90 }""", StringComparison.Ordinal);
        Assert.NotEqual(ProtectedTable, request);
        var body = $$"""
            { "request": {{request}}, "title": "Duplicated units", "description": "Counted dismantlings per municipality.", "justification": "Nothing unusual." }
            """;

        var response = await s.Author.PostAsync($"/api/projects/{s.Project}/outputs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("units", problem, StringComparison.Ordinal);
        Assert.Contains("uplicate", problem, StringComparison.Ordinal);
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
    }

    [Fact]
    public async Task Submit_DuplicatedTopLevelKey_Is400ProblemNamingIt()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var body = $$"""
            { "request": {{SafeTable}}, "title": "One", "title": "Two", "description": "Counted dismantlings per municipality.", "justification": "Nothing unusual." }
            """;

        var response = await s.Author.PostAsync($"/api/projects/{s.Project}/outputs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("title", problem, StringComparison.Ordinal);
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
    }
}
