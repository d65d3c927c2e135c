using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Projects;

public class ProjectsApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<ProjectResponse> CreateAsync(HttpClient admin, ProjectRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/projects", request, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProjectResponse>(Json))!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_AsAdmin_CreatesVersionOneAndAuditsIt(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var admin = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = await app.SignInAsync(admin);

        var created = await CreateAsync(client, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)));

        Assert.Matches(@"^P-\d{4}-001$", created.Id);
        Assert.Equal(1, created.Version);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ProjectCreated);
        Assert.Equal((admin.Id, $"project:{created.Id}"), (audit.Actor, audit.Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Put_StaleVersion_IsConflictAndKeepsEveryVersion(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var client = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var created = await CreateAsync(client, ProjectBuilder.Valid());
        var changed = ProjectBuilder.Valid() with { Title = "Drug labs, second take" };

        var first = await client.PutAsJsonAsync($"/api/projects/{created.Id}", new ProjectChangeRequest(1, "narrower title", changed), Json);
        var stale = await client.PutAsJsonAsync($"/api/projects/{created.Id}", new ProjectChangeRequest(1, "again", changed), Json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("is at version 2, not 1", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var versions = await client.GetFromJsonAsync<List<ProjectResponse>>($"/api/projects/{created.Id}/versions", Json);
        Assert.Equal([1, 2], versions!.Select(v => v.Version));
        Assert.Equal("Drug labs and vacant buildings", versions![0].Definition.Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_UnknownColumn_IsBadRequestNamingTheColumn(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var client = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var request = ProjectBuilder.Valid() with { Datasets = [new DatasetGrant("persons", ["person_id", "bsn"])] };

        var response = await client.PostAsJsonAsync("/api/projects", request, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("dataset 'persons' has no column 'bsn'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_AsDataScientist_IsForbidden(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var client = await app.SignInAsync(await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist));
        var response = await client.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(), Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetData_MemberWithinRetention_ServesOnlyTheAllowlist_AfterRetention_Refuses(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var outsider = await app.CreateUserAsync("other", "CBS", WorkbenchRole.DataScientist);
        var project = await CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with { RetentionEnd = ProjectBuilder.Today.AddDays(1) });
        var member = await app.SignInAsync(scientist);

        var grants = await member.GetFromJsonAsync<List<DatasetGrant>>($"/api/projects/{project.Id}/data", Json);
        var notMember = await (await app.SignInAsync(outsider)).GetAsync($"/api/projects/{project.Id}/data");
        app.Clock.Advance(TimeSpan.FromDays(2));
        var expired = await member.GetAsync($"/api/projects/{project.Id}/data");

        Assert.Equal(["dismantlings", "buildings"], grants!.Select(g => g.Dataset));
        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        var body = await expired.Content.ReadAsStringAsync();
        Assert.True(body.Contains("retention period ended", StringComparison.Ordinal), body);
        await using var scope = app.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries
            .Where(e => e.Subject == $"project:{project.Id}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.ProjectCreated, AuditActions.DataAccessed, AuditActions.DataAccessRefused], actions);
    }
}
