using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Outputs;

/// <summary>Output submissions to change one thing at a time, and a server with a project, its scientist and two checkers.</summary>
internal static class OutputBuilder
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The contract's example: municipality A has 9 units (primary), B is suppressed to protect it.</summary>
    public const string ProtectedTable = """
        { "policy": { "minUnits": 10 },
          "output": { "kind": "table", "measure": "count",
            "dimensions": [ { "name": "gemeente", "categories": ["A", "B", "C"], "total": "Totaal" } ],
            "cells": [ { "key": ["A"], "value": 9, "units": 9 }, { "key": ["B"], "value": 25, "units": 25 },
                       { "key": ["C"], "value": 40, "units": 40 }, { "key": ["Totaal"], "value": 74, "units": 74 } ] },
          "previous": [] }
        """;

    public const string SafeTable = """
        { "output": { "kind": "table", "measure": "count",
            "dimensions": [ { "name": "gemeente", "categories": ["A", "B"], "total": "Totaal" } ],
            "cells": [ { "key": ["A"], "value": 31, "units": 31 }, { "key": ["B"], "value": 45, "units": 45 },
                       { "key": ["Totaal"], "value": 76, "units": 76 } ] } }
        """;

    /// <summary>A model with 12 observations and 5 parameters: 7 residual degrees of freedom, blocked.</summary>
    public const string BlockedModel = """{ "output": { "kind": "model", "observations": 12, "parameters": 5 } }""";

    /// <summary>The total says 75 but the cells sum to 74.</summary>
    public const string BrokenTotal = """
        { "output": { "kind": "table", "measure": "count",
            "dimensions": [ { "name": "gemeente", "categories": ["A", "B", "C"], "total": "Totaal" } ],
            "cells": [ { "key": ["A"], "value": 9, "units": 9 }, { "key": ["B"], "value": 25, "units": 25 },
                       { "key": ["C"], "value": 40, "units": 40 }, { "key": ["Totaal"], "value": 75, "units": 74 } ] } }
        """;

    public static object Body(string request = ProtectedTable, string title = "Dismantled drug labs per municipality", bool submit = true) => new
    {
        request = JsonDocument.Parse(request).RootElement,
        title,
        description = "Counted dismantlings per municipality of the building, from the project view, 2024.",
        justification = "Nothing unusual: a plain frequency table.",
        submit,
    };

    internal sealed record Setup(
        WorkbenchApp App, string Project, TestUser Scientist, HttpClient Author, HttpClient Checker1, HttpClient Checker2,
        TestUser Checker1User, TestUser Checker2User) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();

        public async Task<JsonElement> SubmitAsync(string request = ProtectedTable, string title = "Dismantled drug labs per municipality")
        {
            var response = await Author.PostAsJsonAsync($"/api/projects/{Project}/outputs", Body(request, title), Json);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        }
    }

    /// <summary>
    /// A project whose data scientist also holds the organisation's OutputChecker role (to prove they still cannot
    /// review their own), with both checkers assigned to the project as its output checkers.
    /// </summary>
    public static async Task<Setup> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await WorkbenchApp.StartAsync(provider, settings: settings);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist, WorkbenchRole.OutputChecker);
        var c1 = await app.CreateUserAsync("checker1", "CBS", WorkbenchRole.OutputChecker);
        var c2 = await app.CreateUserAsync("checker2", "CBS", WorkbenchRole.OutputChecker);
        var created = await admin.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(
            ProjectBuilder.Scientist(scientist.Id), new ProjectMember(c1.Id, WorkbenchRole.OutputChecker), new ProjectMember(c2.Id, WorkbenchRole.OutputChecker)), Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new Setup(app, project, scientist, await app.SignInAsync(scientist), await app.SignInAsync(c1), await app.SignInAsync(c2), c1, c2);
    }

    public static Task<HttpResponseMessage> VoteAsync(HttpClient client, string id, string verb, string hash, string comment = "Checked every cell.") =>
        client.PostAsJsonAsync($"/api/outputs/{id}/{verb}", new { contentHash = hash, comment }, Json);

    public static string Id(JsonElement output) => output.GetProperty("id").GetString()!;

    public static string Hash(JsonElement output) => output.GetProperty("contentHash").GetString()!;

    /// <summary>The release period (quarter) that an output approved now goes into, on the server's clock.</summary>
    public static OutputControl.Releases.ReleasePeriod CurrentPeriod(WorkbenchApp app) =>
        OutputControl.Releases.ReleaseSchedule.Quarterly.PeriodOf(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));

    /// <summary>Moves the server's clock to the release date of the current period, when its release goes public.</summary>
    public static void AdvanceToReleaseDate(WorkbenchApp app)
    {
        var now = app.Clock.GetUtcNow();
        var releaseDate = CurrentPeriod(app).Last;
        var noon = new DateTimeOffset(releaseDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        if (noon > now) app.Clock.SetUtcNow(noon);
    }
}
