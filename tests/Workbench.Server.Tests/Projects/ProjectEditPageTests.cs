using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Projects;

public class ProjectEditPageTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static Dictionary<string, string> Form(ProjectRequest p, int expectedVersion, string members, string reason) => new()
    {
        ["Title"] = p.Title, ["Purpose"] = p.Purpose, ["LegalBasis"] = p.LegalBasis.ToString(), ["LegalBasisJustification"] = p.LegalBasisJustification,
        ["Columns"] = "dismantlings:building_id", ["Members"] = members, ["RetentionEnd"] = p.RetentionEnd.ToString("yyyy-MM-dd"),
        ["Subsidiarity"] = p.Weighing.Subsidiarity, ["Proportionality"] = p.Weighing.Proportionality, ["Effectiveness"] = p.Weighing.Effectiveness,
        ["ExpectedVersion"] = expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ChangeReason"] = reason,
    };

    [Fact]
    public async Task Edit_AddMember_SavesVersionTwoAndAStaleFormIsRefused()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        await app.CreateUserAsync("checker", "CBS", WorkbenchRole.OutputChecker);
        var request = ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id));
        var created = await admin.PostAsJsonAsync("/api/projects", request, Json);
        var id = (await created.Content.ReadFromJsonAsync<ProjectResponse>(Json))!.Id;

        var page = await admin.GetStringAsync($"/Projects/Edit/{id}");
        var saved = await WorkbenchApp.PostFormAsync(admin, $"/Projects/Edit/{id}", Form(request, 1, "sci DataScientist\nchecker OutputChecker", "add an output checker"));
        var stale = await WorkbenchApp.PostFormAsync(admin, $"/Projects/Edit/{id}", Form(request, 1, "sci DataScientist", "an old form"));
        var current = await admin.GetFromJsonAsync<ProjectResponse>($"/api/projects/{id}", Json);

        Assert.Contains("sci DataScientist", page, StringComparison.Ordinal);
        Assert.Contains("name=\"ExpectedVersion\" value=\"1\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Projects/Details/{id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("is at version 2, not 1", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, current!.Version);
        Assert.Equal("add an output checker", current.ChangeReason);
        Assert.Equal([WorkbenchRole.DataScientist, WorkbenchRole.OutputChecker], current.Definition.Members.Select(m => m.Role));
        Assert.Equal([new DatasetGrant("dismantlings", ["building_id"])], current.Definition.Datasets.Select(g => g with { Columns = [.. g.Columns] }), new GrantComparer());
    }

    [Fact]
    public async Task Edit_NotAnAdmin_IsDenied()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var scientist = await app.SignInAsync(await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist));

        var response = await scientist.GetAsync("/Projects/Edit/P-2026-001");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private sealed class GrantComparer : IEqualityComparer<DatasetGrant>
    {
        public bool Equals(DatasetGrant? x, DatasetGrant? y) => x?.Dataset == y?.Dataset && (x?.Columns ?? []).SequenceEqual(y?.Columns ?? []);

        public int GetHashCode(DatasetGrant obj) => obj.Dataset.GetHashCode(StringComparison.Ordinal);
    }
}
