using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Microdata.Store;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Data;

/// <summary>The view file a project's kernel mounts: what it holds, when it is delivered again, who may have it.</summary>
public class ProjectViewApiTests(AnalyticalStoreFixture store) : IClassFixture<AnalyticalStoreFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };


    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetView_Scientist_GetsTheAllowlistOnlyOnceUntilItChanges(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider, settings: store.Settings);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = await app.SignInAsync(scientist);
        var project = await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with
        {
            Datasets = [new DatasetGrant("persons", ["person_id", "birth_year"])],
        });

        var first = await client.GetAsync($"/api/projects/{project}/view");
        var file = Path.Combine(store.Root, $"{project}-{provider}.duckdb");
        await File.WriteAllBytesAsync(file, await first.Content.ReadAsByteArrayAsync());
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}/view");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var unchanged = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.duckdb", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        using (var view = AnalyticalStore.OpenReadOnly(file))
        {
            var columns = view.Query("SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY 1");
            Assert.Equal(["persons.birth_year", "persons.person_id"], Enumerable.Range(0, (int)columns.Rows.Count).Select(r => (string)columns.Columns[0][r]));
            var ids = view.Query("SELECT person_id FROM persons");
            var masters = store.MasterKeys("persons", "person_id");
            Assert.Equal(masters.Count, (int)ids.Rows.Count);
            Assert.DoesNotContain(Enumerable.Range(0, (int)ids.Rows.Count).Select(r => Convert.ToInt64(ids.Columns[0][r], System.Globalization.CultureInfo.InvariantCulture)), masters.Contains);
        }

        // A new version of the allowlist is a new view: the kernel's copy is out of date and is delivered again.
        var current = (await admin.GetFromJsonAsync<ProjectResponse>($"/api/projects/{project}", Json))!;
        var changed = await admin.PutAsJsonAsync($"/api/projects/{project}", new ProjectChangeRequest(
            current.Version, "sex is needed for the comparison", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with
            {
                Datasets = [new DatasetGrant("persons", ["person_id", "birth_year", "sex"])],
            }), Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}/view");
        afterChange.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var delivered = await db.AuditEntries.Where(e => e.Action == AuditActions.DataViewDelivered).ToListAsync();
        Assert.Equal(2, delivered.Count);
        Assert.All(delivered, e => Assert.Equal((scientist.Id, $"project:{project}"), (e.Actor, e.Subject)));
    }

    [Fact]
    public async Task GetView_NotAScientistOfTheProjectOrAfterRetention_IsRefusedAndAudited()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, settings: store.Settings);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var outsider = await app.CreateUserAsync("outsider", "CBS", WorkbenchRole.DataScientist);
        var project = await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)));
        var path = $"/api/projects/{project}/view";

        var notMember = await (await app.SignInAsync(outsider)).GetAsync(path);
        var asAdmin = await admin.GetAsync(path);
        app.Clock.Advance(TimeSpan.FromDays(367));
        var afterRetention = await (await app.SignInAsync(scientist)).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterRetention.StatusCode);
        Assert.Equal("application/problem+json", afterRetention.Content.Headers.ContentType!.MediaType);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataViewDelivered));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataAccessRefused));
    }
}
