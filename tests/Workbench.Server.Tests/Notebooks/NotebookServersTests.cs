using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Notebooks;

/// <summary>Starting, limiting, stopping and sweeping the notebook servers, and the token their kernels get.</summary>
[Collection(Browser.BrowserJourneys.Name)] // each test starts real Jupyter servers: not beside the browser journeys
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NotebookServersTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<HttpResponseMessage> WithTokenAsync(WorkbenchApp app, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.CreateLoopbackClient().SendAsync(request);
    }

    private static async Task<List<AuditEntry>> AuditAsync(WorkbenchApp app, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries.Where(e => e.Action == action).ToListAsync();
    }

    [Fact]
    public async Task Start_ThenStop_KernelTokenReachesOnlyTheProjectAndIsRevokedWhileTheNotebooksStay()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        var client = await WorkbenchApp.SignInAsync(scientist, app.CreateLoopbackClient());

        var started = await client.PostAsync($"/api/projects/{project}/notebook", null);
        var body = await started.Content.ReadFromJsonAsync<NotebookResponse>(Json);
        var tokenFile = Path.Combine(area.Root, project, scientist.Id, "kernel-token");
        var token = await File.ReadAllTextAsync(tokenFile);
        var mode = File.GetUnixFileMode(tokenFile);
        var data = await WithTokenAsync(app, $"/api/projects/{project}/data", token);
        var me = await WithTokenAsync(app, "/api/me", token);
        var notebooks = await WithTokenAsync(app, $"/notebooks/{project}/tree", token);
        var stopped = await client.DeleteAsync($"/api/projects/{project}/notebook");
        var afterStop = await WithTokenAsync(app, $"/api/projects/{project}/data", token);

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal($"{area.Origin.GetLeftPart(UriPartial.Authority)}/notebooks/{project}/tree", body!.Url);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.StartsWith(KernelCredentials.Prefix, token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notebooks.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterStop.StatusCode);
        Assert.False(File.Exists(tokenFile));
        Assert.True(Directory.Exists(Path.Combine(area.Root, project, scientist.Id, "notebooks")));
        var stop = Assert.Single(await AuditAsync(app, AuditActions.NotebookStopped));
        Assert.Contains("stopped by the user", stop.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BeyondTheUsersLimit_IsAConflictThatSaysSoAndIsAudited()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings(maxPerUser: 1));
        var (scientist, first) = await NotebookArea.ProjectAsync(app);
        var (_, second) = await NotebookArea.ProjectAsync(app, scientist);
        var client = await WorkbenchApp.SignInAsync(scientist, app.CreateLoopbackClient());

        var one = await client.PostAsync($"/api/projects/{first}/notebook", null);
        var again = await client.PostAsync($"/api/projects/{first}/notebook", null);
        var two = await client.PostAsync($"/api/projects/{second}/notebook", null);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the same server, not a second one
        Assert.Equal(HttpStatusCode.Conflict, two.StatusCode);
        Assert.Contains("you already have 1 notebook servers running (at most 1)", await two.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await AuditAsync(app, AuditActions.NotebookStarted));
        Assert.Single(await AuditAsync(app, AuditActions.NotebookAccessDenied));
    }

    [Fact]
    public async Task Start_NotADataScientistOfTheProject_IsForbidden()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (_, project) = await NotebookArea.ProjectAsync(app);
        var outsider = await WorkbenchApp.SignInAsync(await app.CreateUserAsync("outsider", "CBS", WorkbenchRole.DataScientist), app.CreateLoopbackClient());

        var refused = await outsider.PostAsync($"/api/projects/{project}/notebook", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not a member", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Services.GetRequiredService<NotebookServers>().All());
    }

    [Fact]
    public async Task Sweep_IdleServerAndServerOfARemovedMember_AreStoppedWithTheirReason()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        var colleague = await app.CreateUserAsync("colleague", "CBS", WorkbenchRole.DataScientist);
        var admin = await WorkbenchApp.SignInAsync(await app.CreateUserAsync("boss", "CBS", WorkbenchRole.Admin), app.CreateLoopbackClient());
        var current = (await admin.GetFromJsonAsync<ProjectResponse>($"/api/projects/{project}", Json))!;
        var both = ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id), ProjectBuilder.Scientist(colleague.Id));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/projects/{project}", new ProjectChangeRequest(current.Version, "a colleague joins", both), Json)).StatusCode);
        var servers = app.Services.GetRequiredService<NotebookServers>();
        await (await WorkbenchApp.SignInAsync(scientist, app.CreateLoopbackClient())).PostAsync($"/api/projects/{project}/notebook", null);
        await (await WorkbenchApp.SignInAsync(colleague, app.CreateLoopbackClient())).PostAsync($"/api/projects/{project}/notebook", null);
        Assert.Equal(2, servers.All().Count);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/projects/{project}", new ProjectChangeRequest(current.Version + 1, "the colleague left",
            ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id))), Json)).StatusCode);
        await servers.SweepAsync(CancellationToken.None);
        var afterRemoval = servers.All().Select(s => s.UserId).ToList();
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await servers.SweepAsync(CancellationToken.None);

        Assert.Equal([scientist.Id], afterRemoval);
        Assert.Empty(servers.All());
        var stops = await AuditAsync(app, AuditActions.NotebookStopped);
        Assert.Contains(stops, s => s.Actor == colleague.Id && s.Details.Contains("access ended: you are not a member", StringComparison.Ordinal));
        Assert.Contains(stops, s => s.Actor == scientist.Id && s.Details.Contains("idle for more than 60 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lock_ScientistWithARunningServer_KernelCredentialRefusedAtOnceAndTheSweepStopsTheServer()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        var admin = await WorkbenchApp.SignInAsync(await app.CreateUserAsync("boss", "CBS", WorkbenchRole.Admin), app.CreateLoopbackClient());
        var servers = app.Services.GetRequiredService<NotebookServers>();
        await (await WorkbenchApp.SignInAsync(scientist, app.CreateLoopbackClient())).PostAsync($"/api/projects/{project}/notebook", null);
        var token = await File.ReadAllTextAsync(Path.Combine(area.Root, project, scientist.Id, "kernel-token"));
        var before = await WithTokenAsync(app, $"/api/projects/{project}/data", token);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{scientist.Id}/lock", null)).StatusCode);
        var afterLock = await WithTokenAsync(app, $"/api/projects/{project}/data", token);
        await servers.SweepAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLock.StatusCode);
        Assert.Empty(servers.All());
        var stop = Assert.Single(await AuditAsync(app, AuditActions.NotebookStopped));
        Assert.Contains("access ended: your account is locked", stop.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionEnd_ProjectWithNotebooks_ServersStopAndTheNotebooksAreDeleted()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        await (await WorkbenchApp.SignInAsync(scientist, app.CreateLoopbackClient())).PostAsync($"/api/projects/{project}/notebook", null);
        Assert.True(Directory.Exists(Path.Combine(area.Root, project, scientist.Id, "notebooks")));

        // A year later the background retention sweep (on the server's clock) deletes the work area by itself.
        app.Clock.Advance(TimeSpan.FromDays(367));
        for (var waited = 0; Directory.Exists(Path.Combine(area.Root, project)) && waited < 300; waited++) await Task.Delay(200);

        Assert.False(Directory.Exists(Path.Combine(area.Root, project)));
        Assert.Empty(app.Services.GetRequiredService<NotebookServers>().All());
        var deleted = Assert.Single(await AuditAsync(app, AuditActions.WorkAreaDeleted));
        Assert.Contains(project, deleted.Details, StringComparison.Ordinal);
    }
}
