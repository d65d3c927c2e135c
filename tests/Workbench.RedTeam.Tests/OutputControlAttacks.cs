using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workbench.RedTeam.Tests.Infrastructure;

namespace Workbench.RedTeam.Tests;

/// <summary>
/// The author tries to get a table out without the disclosure rules or without two independent checkers: a weaker
/// policy of their own, a request with duplicated keys, approving their own output, an approval by someone who is no
/// checker of the project, one approval instead of two.
/// </summary>
[Collection(RunningWorkbenchGroup.Name)]
public sealed class OutputControlAttacks(RunningWorkbench workbench)
{
    // Municipality A has 9 persons: under the server's policy it is a primary suppression.
    private const string Cells = """
        "output": { "kind": "table", "measure": "count",
          "dimensions": [ { "name": "gemeente", "categories": ["A", "B", "C"], "total": "Totaal" } ],
          "cells": [ { "key": ["A"], "value": 9, "units": 9 }, { "key": ["B"], "value": 25, "units": 25 },
                     { "key": ["C"], "value": 40, "units": 40 }, { "key": ["Totaal"], "value": 74, "units": 74 } ] }
        """;

    private static string Body(string request) => $$"""
        { "request": {{request}}, "title": "Red team table", "description": "Persons per municipality.",
          "justification": "A plain frequency table.", "submit": true }
        """;

    private async Task<(SignedIn Scientist, string Project)> ScientistAsync()
    {
        var scientist = await workbench.SignInAsync("scientist");
        var projects = await scientist.Client.GetFromJsonAsync<JsonElement>("/api/projects", RunningWorkbench.Json);
        return (scientist, projects.EnumerateArray().First().GetProperty("id").GetString()!);
    }

    private static Task<HttpResponseMessage> PostAsync(SignedIn user, string project, string body) =>
        user.Client.PostAsync($"/api/projects/{project}/outputs", new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Submit_WithAWeakerPolicyOfTheAuthors_IsRefusedNamingTheField()
    {
        var (scientist, project) = await ScientistAsync();

        var response = await PostAsync(scientist, project, Body($$"""{ "policy": { "minUnits": 1, "dominance": null, "pPercent": null }, {{Cells}} }"""));

        await Refusals.AssertProblemAsync(response, HttpStatusCode.BadRequest, "minUnits");
    }

    [Fact]
    public async Task Submit_WithoutAPolicy_IsCheckedUnderTheServersPolicy()
    {
        var (scientist, project) = await ScientistAsync();

        var response = await PostAsync(scientist, project, Body($$"""{ {{Cells}} }"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var output = await response.Content.ReadFromJsonAsync<JsonElement>(RunningWorkbench.Json);
        var result = output.GetProperty("checkResult");
        Assert.Equal(10, result.GetProperty("policy").GetProperty("minUnits").GetInt32());
        var a = result.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("key")[0].GetString() == "A");
        Assert.Equal("primary", a.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("published").ValueKind);
    }

    [Fact]
    public async Task Submit_WithDuplicatedKeys_IsRefused()
    {
        var (scientist, project) = await ScientistAsync();

        var twoPolicies = await PostAsync(scientist, project,
            Body($$"""{ "policy": { "minUnits": 10 }, "policy": { "minUnits": 1 }, {{Cells}} }"""));
        var twoTitles = await PostAsync(scientist, project, Body($$"""{ {{Cells}} }""").Replace("\"title\"", "\"title\": \"x\", \"title\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, twoPolicies.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twoTitles.StatusCode);
    }

    [Fact]
    public async Task Approve_ByTheAuthorOrAMemberWhoIsNoChecker_IsRefused_AndOneApprovalReleasesNothing()
    {
        var (scientist, project) = await ScientistAsync();
        var created = await PostAsync(scientist, project, Body($$"""{ {{Cells}} }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var output = await created.Content.ReadFromJsonAsync<JsonElement>(RunningWorkbench.Json);
        var id = output.GetProperty("id").GetString()!;
        var vote = JsonContent.Create(new { contentHash = output.GetProperty("contentHash").GetString(), comment = "fine" });
        var steering = await workbench.SignInAsync("steering");
        var checker = await workbench.SignInAsync("checker");

        var byAuthor = await scientist.Client.PostAsync($"/api/outputs/{id}/approve", vote);
        var bySteering = await steering.Client.PostAsync($"/api/outputs/{id}/approve", vote);
        var byChecker = await checker.Client.PostAsync($"/api/outputs/{id}/approve", vote);
        var after = await checker.Client.GetFromJsonAsync<JsonElement>($"/api/outputs/{id}", RunningWorkbench.Json);
        var releases = await (await workbench.Anonymous().GetAsync("/api/releases")).Content.ReadAsStringAsync();

        Assert.True(byAuthor.StatusCode is HttpStatusCode.Forbidden, $"the author's approval answered {(int)byAuthor.StatusCode}");
        Assert.True(bySteering.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"a steering member's approval answered {(int)bySteering.StatusCode}");
        Assert.True(byChecker.IsSuccessStatusCode, $"the checker's approval answered {(int)byChecker.StatusCode}: {await byChecker.Content.ReadAsStringAsync()}");
        Assert.NotEqual("Released", after.GetProperty("status").GetString());
        Assert.DoesNotContain(id, releases, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_WithTheHashOfOtherContent_IsRefused()
    {
        var (scientist, project) = await ScientistAsync();
        var created = await PostAsync(scientist, project, Body($$"""{ {{Cells}} }"""));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(RunningWorkbench.Json)).GetProperty("id").GetString()!;
        var checker = await workbench.SignInAsync("checker2");

        var response = await checker.Client.PostAsync($"/api/outputs/{id}/approve",
            JsonContent.Create(new { contentHash = new string('a', 64), comment = "fine" }));

        Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
    }
}
