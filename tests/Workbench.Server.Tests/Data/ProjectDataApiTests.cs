using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Data;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Data;

public class ProjectDataApiTests(AnalyticalStoreFixture store) : IClassFixture<AnalyticalStoreFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record Page(string Project, int Version, string Dataset, List<string> Columns, int Offset, int Limit, long Total,
        List<Dictionary<string, JsonElement>> Rows);

    private sealed record Setup(WorkbenchApp App, HttpClient Admin, HttpClient Scientist, TestUser ScientistUser);

    private async Task<Setup> StartAsync(DatabaseProvider provider)
    {
        var app = await WorkbenchApp.StartAsync(provider, settings: store.Settings);
        var admin = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        return new Setup(app, await app.SignInAsync(admin), await app.SignInAsync(scientist), scientist);
    }


    private static ProjectRequest Request(ProjectMember[] members, params DatasetGrant[] datasets) =>
        ProjectBuilder.Valid(members) with { Datasets = datasets };

    /// <summary>Every row of a dataset, page by page.</summary>
    private static async Task<List<Dictionary<string, JsonElement>>> ReadAllAsync(HttpClient client, string project, string dataset)
    {
        var rows = new List<Dictionary<string, JsonElement>>();
        while (true)
        {
            var page = (await client.GetFromJsonAsync<Page>(
                $"/api/projects/{project}/data/{dataset}?limit={ProjectData.MaxLimit}&offset={rows.Count}", Json))!;
            rows.AddRange(page.Rows);
            if (page.Rows.Count < page.Limit)
            {
                Assert.Equal(page.Total, rows.Count);
                return rows;
            }
        }
    }

    private static HashSet<long> Ids(IEnumerable<Dictionary<string, JsonElement>> rows) => [.. rows.Select(r => r["person_id"].GetInt64())];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_TwoDatasetsInTwoProjects_LinkableWithinAProjectAndNotAcross(DatabaseProvider provider)
    {
        var (app, admin, client, scientist) = await StartAsync(provider);
        await using var _ = app;
        var member = ProjectBuilder.Scientist(scientist.Id);
        var a = await ProjectBuilder.CreateAsync(admin, Request([member], new DatasetGrant("persons", ["person_id", "birth_year"]), new DatasetGrant("incomes", ["person_id", "year"])));
        var b = await ProjectBuilder.CreateAsync(admin, Request([member], new DatasetGrant("persons", ["person_id"])));

        var personsA = await ReadAllAsync(client, a, "persons");
        var incomesA = await ReadAllAsync(client, a, "incomes");
        var personsB = await ReadAllAsync(client, b, "persons");

        var masters = store.MasterKeys("persons", "person_id");
        Assert.Equal(masters.Count, Ids(personsA).Count);
        Assert.Subset(Ids(personsA), Ids(incomesA)); // the same person carries the same pseudonym in both datasets
        Assert.Equal(store.MasterKeys("incomes", "person_id").Count, Ids(incomesA).Count);
        Assert.Empty(Ids(personsA).Intersect(Ids(personsB))); // and another one in another project
        Assert.Empty(Ids(personsA).Intersect(masters)); // never the store's own pseudonym
        Assert.All(personsA, r => Assert.Equal(["birth_year", "person_id"], r.Keys.Order()));
        Assert.All(incomesA, r => Assert.Equal(["person_id", "year"], r.Keys.Order())); // no sex, no income, no household
        Assert.All(personsB, r => Assert.Equal(["person_id"], r.Keys));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var reads = await db.AuditEntries.Where(e => e.Action == AuditActions.DataRowsRead && e.Subject == $"project:{a}").ToListAsync();
        Assert.All(reads, e => Assert.Equal(scientist.Id, e.Actor));
        Assert.Equal(personsA.Count + incomesA.Count,
            reads.Sum(e => JsonDocument.Parse(e.Details).RootElement.GetProperty("rows").GetInt32()));
    }

    [Fact]
    public async Task Get_Paged_PagesAreDisjointAndTheLimitIsCapped()
    {
        var (app, admin, client, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var project = await ProjectBuilder.CreateAsync(admin, Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id"])));

        var first = (await client.GetFromJsonAsync<Page>($"/api/projects/{project}/data/persons?limit=10", Json))!;
        var second = (await client.GetFromJsonAsync<Page>($"/api/projects/{project}/data/persons?limit=10&offset=10", Json))!;
        var capped = (await client.GetFromJsonAsync<Page>($"/api/projects/{project}/data/persons?limit=1000000", Json))!;
        var negative = await client.GetAsync($"/api/projects/{project}/data/persons?offset=-1");

        Assert.Equal((10, 10), (first.Rows.Count, second.Rows.Count));
        Assert.Empty(Ids(first.Rows).Intersect(Ids(second.Rows)));
        Assert.Equal(first.Rows.Concat(second.Rows).Select(r => r["person_id"].GetInt64()), capped.Rows.Take(20).Select(r => r["person_id"].GetInt64()));
        Assert.Equal(ProjectData.MaxLimit, capped.Limit);
        Assert.True(capped.Rows.Count <= ProjectData.MaxLimit);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Fact]
    public async Task Get_Refusals_AreNotFoundOrForbiddenWithTheReasonAndAudited()
    {
        var (app, admin, client, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var checker = await app.CreateUserAsync("checker", "CBS", WorkbenchRole.OutputChecker);
        var outsider = await app.CreateUserAsync("outsider", "CBS", WorkbenchRole.DataScientist);
        var project = await ProjectBuilder.CreateAsync(admin, Request(
            [ProjectBuilder.Scientist(scientist.Id), new ProjectMember(checker.Id, WorkbenchRole.OutputChecker)],
            new DatasetGrant("persons", ["person_id"])));
        var path = $"/api/projects/{project}/data/persons";

        var notMember = await (await app.SignInAsync(outsider)).GetAsync(path);
        var notScientist = await (await app.SignInAsync(checker)).GetAsync(path);
        var asAdmin = await admin.GetAsync(path);
        var notAllowlisted = await client.GetAsync($"/api/projects/{project}/data/incomes");
        app.Clock.Advance(TimeSpan.FromDays(367));
        var afterRetention = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notScientist.StatusCode);
        Assert.Contains("only the project's data scientists", await notScientist.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowlisted.StatusCode);
        Assert.Contains("dataset 'incomes' is not allowlisted", await notAllowlisted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, afterRetention.StatusCode);
        Assert.Contains("retention period ended", await afterRetention.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataAccessRefused));
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataRowsRead));
    }

    [Fact]
    public async Task RetentionEnd_Passed_WorkAreaIsDeletedOnceAndAudited()
    {
        var (app, admin, client, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var project = await ProjectBuilder.CreateAsync(admin, Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id"]))
            with { RetentionEnd = ProjectBuilder.Today.AddDays(1) });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/projects/{project}/data/persons")).StatusCode);
        var views = app.Services.GetRequiredService<ProjectViewFiles>();
        Assert.NotEmpty(views.WorkAreaFiles(project));

        // The sweeper runs on the server's clock: two days on, its next tick deletes the work area.
        app.Clock.Advance(TimeSpan.FromDays(2));
        for (var i = 0; i < 100 && views.WorkAreaFiles(project).Count > 0; i++) await Task.Delay(100);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await using var scope = app.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<WorkAreaRetention>().SweepAsync(CancellationToken.None);

        Assert.Empty(views.WorkAreaFiles(project));
        Assert.Empty(again);
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var deleted = await db.AuditEntries.Where(e => e.Action == AuditActions.WorkAreaDeleted).ToListAsync();
        var entry = Assert.Single(deleted);
        Assert.Equal($"project:{project}", entry.Subject);
        Assert.Equal(WorkAreaRetention.SystemActor, entry.Actor);
        Assert.Contains($"{project}.duckdb", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterTheAllowlistChanged_ServesTheNewColumnsOnly()
    {
        var (app, admin, client, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var members = new[] { ProjectBuilder.Scientist(scientist.Id) };
        var project = await ProjectBuilder.CreateAsync(admin, Request(members, new DatasetGrant("persons", ["person_id", "birth_year", "sex"])));
        var before = await ReadAllAsync(client, project, "persons");

        var change = await admin.PutAsJsonAsync($"/api/projects/{project}",
            new ProjectChangeRequest(1, "sex is not needed", Request(members, new DatasetGrant("persons", ["person_id", "birth_year"]))), Json);
        var after = (await client.GetFromJsonAsync<Page>($"/api/projects/{project}/data/persons?limit=5", Json))!;
        var afterAll = await ReadAllAsync(client, project, "persons");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("sex", before[0].Keys);
        Assert.Equal(2, after.Version);
        Assert.All(after.Rows, r => Assert.DoesNotContain("sex", r.Keys));
        Assert.All(afterAll, r => Assert.Equal(["birth_year", "person_id"], r.Keys.Order()));
        Assert.Equal(Ids(before).Order(), Ids(afterAll).Order()); // same project, same pseudonyms after the rebuild
    }
}
