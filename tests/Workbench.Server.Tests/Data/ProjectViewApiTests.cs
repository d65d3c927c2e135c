using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Microdata.Store;
using Workbench.Server.Data;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Data;

/// <summary>
/// The view file a project's kernel mounts: what it holds, when it is delivered again, and that it goes to nobody but a
/// kernel of the workbench's own notebook servers (microdata never reaches a browser, a laptop or a local kernel).
/// </summary>
public class ProjectViewApiTests(AnalyticalStoreFixture store) : IClassFixture<AnalyticalStoreFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record Setup(WorkbenchApp App, HttpClient Admin, TestUser Scientist);

    private async Task<Setup> StartAsync(DatabaseProvider provider)
    {
        var app = await WorkbenchApp.StartOnLoopbackAsync(provider, new Dictionary<string, string>(store.Settings) { ["OpenId:AllowHttpOnLoopback"] = "true" });
        var admin = await WorkbenchApp.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin), Browser(app));
        return new Setup(app, admin, await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist));
    }

    private static HttpClient Browser(WorkbenchApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };

    private static ProjectRequest Request(ProjectMember[] members, params DatasetGrant[] datasets) =>
        ProjectBuilder.Valid(members) with { Datasets = datasets };

    /// <summary>The project's view as its notebook kernel gets it, saved under the fixture's root.</summary>
    private async Task<string> FetchAsync(WorkbenchApp app, TestUser user, string project, string name)
    {
        using var kernel = app.CreateKernelClient(await app.IssueKernelCredentialAsync(user, project));
        using var response = await kernel.GetAsync($"/api/projects/{project}/view");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(store.Root, $"{name}-{Guid.NewGuid():N}.duckdb");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    private static HashSet<long> Ids(string file, string dataset)
    {
        using var view = AnalyticalStore.OpenReadOnly(file);
        var frame = view.Query($"SELECT person_id FROM {dataset}");
        return [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(r => Convert.ToInt64(frame.Columns[0][r], System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static List<string> Columns(string file)
    {
        using var view = AnalyticalStore.OpenReadOnly(file);
        var columns = view.Query("SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY 1");
        return [.. Enumerable.Range(0, (int)columns.Rows.Count).Select(r => (string)columns.Columns[0][r])];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetView_NotebookKernel_GetsTheAllowlistOnlyOnceUntilItChanges(DatabaseProvider provider)
    {
        var (app, admin, scientist) = await StartAsync(provider);
        await using var _ = app;
        var project = await ProjectBuilder.CreateAsync(admin, Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id", "birth_year"])));
        using var kernel = app.CreateKernelClient(await app.IssueKernelCredentialAsync(scientist, project));

        var first = await kernel.GetAsync($"/api/projects/{project}/view");
        var file = Path.Combine(store.Root, $"{project}-{provider}.duckdb");
        await File.WriteAllBytesAsync(file, await first.Content.ReadAsByteArrayAsync());
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}/view");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var unchanged = await kernel.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.duckdb", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(["persons.birth_year", "persons.person_id"], Columns(file));
        var masters = store.MasterKeys("persons", "person_id");
        Assert.Equal(masters.Count, Ids(file, "persons").Count);
        Assert.Empty(Ids(file, "persons").Intersect(masters)); // never the store's own pseudonym

        // A new version of the allowlist is a new view: the kernel's copy is out of date and is delivered again.
        var current = (await admin.GetFromJsonAsync<ProjectResponse>($"/api/projects/{project}", Json))!;
        var changed = await admin.PutAsJsonAsync($"/api/projects/{project}", new ProjectChangeRequest(
            current.Version, "sex is needed for the comparison",
            Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id", "birth_year", "sex"]))), Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}/view");
        afterChange.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await kernel.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var delivered = await db.AuditEntries.Where(e => e.Action == AuditActions.DataViewDelivered).ToListAsync();
        Assert.Equal(2, delivered.Count);
        Assert.All(delivered, e => Assert.Equal((scientist.Id, $"project:{project}"), (e.Actor, e.Subject)));
    }

    [Fact]
    public async Task GetView_TwoProjects_LinkableWithinAProjectAndNotAcross()
    {
        var (app, admin, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var member = ProjectBuilder.Scientist(scientist.Id);
        var a = await ProjectBuilder.CreateAsync(admin, Request([member], new DatasetGrant("persons", ["person_id", "birth_year"]), new DatasetGrant("incomes", ["person_id", "year"])));
        var b = await ProjectBuilder.CreateAsync(admin, Request([member], new DatasetGrant("persons", ["person_id"])));

        var viewA = await FetchAsync(app, scientist, a, "a");
        var viewB = await FetchAsync(app, scientist, b, "b");

        Assert.Subset(Ids(viewA, "persons"), Ids(viewA, "incomes")); // the same person carries the same pseudonym in both datasets
        Assert.Equal(store.MasterKeys("incomes", "person_id").Count, Ids(viewA, "incomes").Count);
        Assert.Empty(Ids(viewA, "persons").Intersect(Ids(viewB, "persons"))); // and another one in another project
        Assert.Equal(["incomes.person_id", "incomes.year", "persons.birth_year", "persons.person_id"], Columns(viewA)); // no income, no sex
        Assert.Equal(["persons.person_id"], Columns(viewB));
    }

    [Fact]
    public async Task GetView_BrowserCommandLineTokenOrLocalKernelToken_IsRefusedWithTheReasonAndAudited()
    {
        var (app, admin, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var project = await ProjectBuilder.CreateAsync(admin, Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id"])));
        var path = $"/api/projects/{project}/view";
        var browser = await WorkbenchApp.SignInAsync(scientist, Browser(app));

        // The scientist's own browser session, a command-line device token and a kernel token got by the device flow and
        // the token exchange (what a kernel on the scientist's laptop holds) are all the scientist; none gets the view.
        var fromBrowser = await browser.GetAsync(path);
        var cliToken = await OidcClient.DeviceTokenAsync(app.BaseAddress, browser, WorkbenchApp.CliClientId, $"openid project:{project}");
        var fromCli = await BearerAsync(app, cliToken, path);
        var kernelToken = await OidcClient.KernelTokenAsync(app.BaseAddress, WorkbenchApp.KernelClientId,
            await OidcClient.DeviceTokenAsync(app.BaseAddress, browser, WorkbenchApp.KernelClientId, $"openid project:{project}"), project);
        var fromLocalKernel = await BearerAsync(app, kernelToken, path);

        foreach (var refused in new[] { fromBrowser, fromCli, fromLocalKernel })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Contains(ProjectData.OnlyNotebookKernels, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataViewDelivered));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataAccessRefused && e.Actor == scientist.Id));
    }

    [Fact]
    public async Task GetData_RowsOfADataset_DoNotExist()
    {
        var (app, admin, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var project = await ProjectBuilder.CreateAsync(admin, Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id"])));
        using var kernel = app.CreateKernelClient(await app.IssueKernelCredentialAsync(scientist, project));
        var browser = await WorkbenchApp.SignInAsync(scientist, Browser(app));

        // No row-level API: neither the browser nor even the notebook kernel can page through a dataset.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/projects/{project}/data/persons?limit=1000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kernel.GetAsync($"/api/projects/{project}/data/persons")).StatusCode);
        // The catalogue (datasets and column names, no rows) stays.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/projects/{project}/data")).StatusCode);
    }

    [Fact]
    public async Task GetView_KernelOfACheckerOrAnotherProjectOrAfterRetention_IsRefusedAndAudited()
    {
        var (app, admin, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var checker = await app.CreateUserAsync("checker", "CBS", WorkbenchRole.OutputChecker);
        var project = await ProjectBuilder.CreateAsync(admin, Request(
            [ProjectBuilder.Scientist(scientist.Id), new ProjectMember(checker.Id, WorkbenchRole.OutputChecker)], new DatasetGrant("persons", ["person_id"]))
            with { RetentionEnd = ProjectBuilder.Today.AddDays(1) });
        var other = await ProjectBuilder.CreateAsync(admin, Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id"])));
        var path = $"/api/projects/{project}/view";

        var notScientist = await app.CreateKernelClient(await app.IssueKernelCredentialAsync(checker, project)).GetAsync(path);
        var boundElsewhere = await app.CreateKernelClient(await app.IssueKernelCredentialAsync(scientist, other)).GetAsync(path);
        using var kernel = app.CreateKernelClient(await app.IssueKernelCredentialAsync(scientist, project));
        // Two days, not a year: every periodic sweep of the server runs once per period the fake clock passes.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var afterRetention = await kernel.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, notScientist.StatusCode);
        Assert.Contains("only the project's data scientists", await notScientist.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, boundElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterRetention.StatusCode);
        Assert.Contains("retention", await afterRetention.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataViewDelivered));
        // Refused by the data rules (data.access_refused) or already by the token's project binding (access.refused).
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataAccessRefused || e.Action == "access.refused"));
    }

    [Fact]
    public async Task RetentionEnd_Passed_WorkAreaIsDeletedOnceAndAudited()
    {
        var (app, admin, scientist) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        var project = await ProjectBuilder.CreateAsync(admin, Request([ProjectBuilder.Scientist(scientist.Id)], new DatasetGrant("persons", ["person_id"]))
            with { RetentionEnd = ProjectBuilder.Today.AddDays(1) });
        await FetchAsync(app, scientist, project, "retention");
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
        var entry = Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.WorkAreaDeleted).ToListAsync());
        Assert.Equal($"project:{project}", entry.Subject);
        Assert.Equal(WorkAreaRetention.SystemActor, entry.Actor);
        Assert.Contains($"{project}.duckdb", entry.Details, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> BearerAsync(WorkbenchApp app, string token, string path)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(path);
    }
}
