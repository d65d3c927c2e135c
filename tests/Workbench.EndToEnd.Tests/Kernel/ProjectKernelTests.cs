using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.EndToEnd.Tests.Infrastructure;
using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Data;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;
using Workbench.Server.Tests.Projects;

namespace Workbench.EndToEnd.Tests.Kernel;

/// <summary>
/// A data scientist's day in the sandboxed kernel against a real workbench server: with the credential the workbench
/// gives its own notebook servers, open the project's data and submit a table for review — as that user; a kernel
/// outside the workbench may sign in (device flow, approved in the workbench) but gets no microdata.
/// </summary>
public sealed partial class ProjectKernelTests(AnalyticalStoreFixture store) : IClassFixture<AnalyticalStoreFixture>
{
    private static readonly TimeSpan Cell = TimeSpan.FromSeconds(120);
    [GeneratedRegex("approve code ([A-Z0-9-]+)")]
    private static partial Regex UserCode();

    private sealed record Setup(WorkbenchApp App, TestUser Scientist, string Project, string Other);

    private async Task<Setup> StartAsync()
    {
        var settings = new Dictionary<string, string>(store.Settings) { ["OpenId:AllowHttpOnLoopback"] = "true" };
        var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, settings);
        var admin = await SignInAsync(app, await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var project = await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with
        {
            Datasets = [new DatasetGrant("persons", ["person_id", "sex", "birth_year"])],
        });
        var other = await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with
        {
            Datasets = [new DatasetGrant("incomes", ["person_id", "year"])],
        });
        return new Setup(app, scientist, project, other);
    }

    private static Task<HttpClient> SignInAsync(WorkbenchApp app, TestUser user) => WorkbenchSession.SignInAsync(app, user);

    private static async Task<(KernelProcess Kernel, TestClient Client)> StartKernelAsync(params string[] arguments)
    {
        var kernel = new KernelProcess(sandboxed: true, arguments);
        await kernel.WaitForLogAsync("listening on 127.0.0.1", Cell);
        var client = new TestClient(kernel);
        client.WaitForIoPub(Cell);
        await kernel.WaitForLogAsync("worker ready: sandboxed worker: bubblewrap", Cell);
        return (kernel, client);
    }

    [Fact]
    public async Task LocalKernel_UserApprovesDeviceSignIn_SignedInButTheViewIsRefusedAndNothingIsMounted()
    {
        var (app, scientist, project, _) = await StartAsync();
        await using var _app = app;
        var browser = await SignInAsync(app, scientist);
        var (kernel, client) = await StartKernelAsync("--server", app.BaseAddress.ToString(), "--project", project);
        using var __ = kernel;
        using var ___ = client;
        var prompts = new List<string>();

        // A kernel outside the workbench (a laptop's Jupyter) may sign in as its user, but microdata never reaches it.
        var open = client.Execute("var data = await ProjectData.OpenAsync();", Cell, onOutput: output =>
        {
            if (output.Type != "display_data") return;
            var text = output.Content.GetProperty("data").GetProperty("text/plain").GetString()!;
            prompts.Add(text);
            if (UserCode().Match(text) is { Success: true } code)
                Assert.Equal(HttpStatusCode.Redirect, OidcClient.DecideDeviceAsync(browser, code.Groups[1].Value, "Approve").GetAwaiter().GetResult().StatusCode);
        });
        var mounted = client.Execute("System.IO.Directory.GetFiles(\"/project\").Length", Cell);

        Assert.Contains(prompts, p => p.Contains($"work on project {project}", StringComparison.Ordinal));
        Assert.Equal("error", open.Status);
        Assert.Equal("ProjectAccessException", open.ErrorName);
        Assert.Contains(Workbench.Server.Data.ProjectData.OnlyNotebookKernels, open.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("0", mounted.Result);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataViewDelivered));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.DataAccessRefused && e.Actor == scientist.Id));
    }

    [Fact]
    public async Task NotebookKernel_CredentialFromTheWorkbench_OpensOnlyItsViewAndSubmitsAsTheUser()
    {
        var (app, scientist, project, other) = await StartAsync();
        await using var _app = app;
        // The other project's view exists on the server (its kernel read it): still out of this kernel's reach.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateKernelClient(await app.IssueKernelCredentialAsync(scientist, other))
            .GetAsync($"/api/projects/{other}/view")).StatusCode);
        var tokenFile = await WorkbenchSession.WriteTokenFileAsync(app.Database.Directory, await app.IssueKernelCredentialAsync(scientist, project));
        var (kernel, client) = await StartKernelAsync("--server", app.BaseAddress.ToString(), "--project", project, "--token-file", tokenFile);
        using var __ = kernel;
        using var ___ = client;

        var open = client.Execute(
            "var data = await ProjectData.OpenAsync();\nstring.Join(\",\", data.Catalogue.Datasets.Select(d => d.Name + \":\" + string.Join(\"/\", d.Columns.Select(c => c.Name))))",
            Cell);
        Assert.Equal("ok", open.Status);
        Assert.Equal("persons:person_id/birth_year/sex", open.Result);

        var mounted = client.Execute(
            $"string.Join(\",\", System.IO.Directory.GetFiles(\"/project\").Select(System.IO.Path.GetFileName)) + \"|\" + System.IO.File.Exists(\"{Path.Combine(app.Database.Directory, "views", other + ".duckdb")}\")",
            Cell);
        Assert.Equal("view.duckdb|False", mounted.Result);

        var submit = client.Execute(
            "var table = Output.Table(data.Load(\"persons\", \"person_id\", \"sex\")).By(\"sex\").Count(\"person_id\");\n" +
            "var sent = await table.SubmitAsync(\"Persons by sex\", \"Registered persons per sex in the project view\", \"A standard frequency table\");\n" +
            "sent.Status",
            Cell);

        Assert.Equal("ok", submit.Status);
        Assert.Equal("Submitted", submit.Result);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var output = await db.OutputRequests.SingleAsync();
        Assert.Equal((scientist.Id, project, "Persons by sex"), (output.AuthorId, output.ProjectId, output.Title));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DataViewDelivered && e.Subject == $"project:{project}"));
    }

    [Fact]
    public async Task ProjectKernel_UserDeniesSignIn_CellFailsWithTheReasonAndNothingIsMounted()
    {
        var (app, scientist, project, _) = await StartAsync();
        await using var _app = app;
        var browser = await SignInAsync(app, scientist);
        var (kernel, client) = await StartKernelAsync("--server", app.BaseAddress.ToString(), "--project", project);
        using var __ = kernel;
        using var ___ = client;

        var open = client.Execute("var data = await ProjectData.OpenAsync();", Cell, onOutput: output =>
        {
            if (output.Type == "display_data" && UserCode().Match(output.Content.GetProperty("data").GetProperty("text/plain").GetString()!) is { Success: true } code)
                OidcClient.DecideDeviceAsync(browser, code.Groups[1].Value, "Deny").GetAwaiter().GetResult();
        });
        var mounted = client.Execute("System.IO.Directory.GetFiles(\"/project\").Length", Cell);

        Assert.Equal("error", open.Status);
        Assert.Equal("ProjectAccessException", open.ErrorName);
        Assert.Contains("the sign-in was denied", open.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("0", mounted.Result);
    }

    [Fact]
    public async Task ProjectKernel_TokenFileFromTheWorkbench_NoPromptAndRefusalsCarryTheServersReason()
    {
        var (app, scientist, project, _) = await StartAsync();
        await using var _app = app;
        var tokenFile = Path.Combine(app.Database.Directory, "kernel-token");
        await File.WriteAllTextAsync(tokenFile, await app.IssueKernelCredentialAsync(scientist, project));
        File.SetUnixFileMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var (kernel, client) = await StartKernelAsync("--server", app.BaseAddress.ToString(), "--project", project, "--token-file", tokenFile);
        using var __ = kernel;
        using var ___ = client;

        var exposed = client.Execute("await ProjectData.OpenAsync()", Cell);
        File.SetUnixFileMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var open = client.Execute("var data = await ProjectData.OpenAsync(); data.ProjectId", Cell);
        app.Clock.Advance(TimeSpan.FromDays(367));
        var late = client.Execute(
            "await Output.Table(data.Load(\"persons\", \"person_id\", \"sex\")).By(\"sex\").Count(\"person_id\").SubmitAsync(\"Persons by sex\", \"Registered persons per sex\", \"Standard table\")",
            Cell);
        var afterRetention = client.Execute("(await ProjectData.OpenAsync()).ProjectId", Cell);

        Assert.Contains("readable by others", exposed.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("ok", open.Status);
        Assert.Equal(project, open.Result);
        Assert.DoesNotContain(open.Outputs, o => o.Type == "display_data");
        Assert.Equal("OutputSubmissionException", late.ErrorName);
        Assert.Contains("did not accept the output", late.ErrorValue, StringComparison.Ordinal);
        Assert.Contains("retention has ended", late.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("ProjectAccessException", afterRetention.ErrorName);
        Assert.Contains("retention", afterRetention.ErrorValue, StringComparison.Ordinal);
    }
}
