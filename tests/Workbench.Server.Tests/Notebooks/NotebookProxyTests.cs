using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Notebooks;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Notebooks;

/// <summary>
/// The notebook proxy against a real notebook server: only the requests the notebook pages make pass (an allow list),
/// only the sandboxed kernel starts (refused at the proxy, and unknown to Jupyter itself), and the server's secret is in
/// no page and no command line.
/// </summary>
[Collection(Browser.BrowserJourneys.Name)] // starts real Jupyter servers: not beside the browser journeys
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NotebookProxyTests
{
    private const string Python = """{"name":"python3"}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(WorkbenchApp App, HttpClient Client, string Project, NotebookServer Server)> StartAsync(NotebookArea area)
    {
        var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        var client = await WorkbenchApp.SignInAsync(scientist, app.CreateLoopbackClient());
        var started = await client.PostAsync($"/api/projects/{project}/notebook", null);
        Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
        var server = app.Services.GetRequiredService<NotebookServers>().Find(scientist.Id, project)!;
        var (notebook, _) = await NotebookOriginClient.OpenAsync(client, project);
        return (app, notebook, project, server);
    }

    private static async Task<List<string>> RefusalsAsync(WorkbenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries
            .Where(e => e.Action == AuditActions.NotebookAccessDenied).Select(e => e.Details).ToListAsync();
    }

    /// <summary>Straight to Jupyter on loopback with the proxy's secret, bypassing the proxy.</summary>
    private static async Task<HttpResponseMessage> DirectAsync(NotebookServer server, HttpMethod method, string path, string? body = null, string? secret = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(server.Origin, NotebookServer.BasePath(server.ProjectId) + path));
        var key = secret ?? server.Token;
        if (key.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("token", key);
        if (body is not null) request.Content = Json(body);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task StartKernel_AnyKernelButTheSandboxedOne_IsRefusedAtTheProxyAndUnknownToJupyter()
    {
        using var area = new NotebookArea();
        var (app, client, project, server) = await StartAsync(area);
        await using var _ = app;
        var api = $"/notebooks/{project}/api";

        var kernel = await client.PostAsync($"{api}/kernels", Json(Python));
        var session = await client.PostAsync($"{api}/sessions", Json("""{"path":"a.ipynb","type":"notebook","name":"","kernel":{"name":"python3"}}"""));
        var sessionWithoutKernelName = await client.PostAsync($"{api}/sessions", Json("""{"path":"a.ipynb","type":"notebook","name":""}"""));
        var change = await client.PatchAsync($"{api}/sessions/0ff1ce", Json("""{"kernel":{"name":"python3","id":null}}"""));
        var unparsed = await client.PostAsync($"{api}/kernels", Json("""{"name":NaN}"""));
        var duplicate = await client.PostAsync($"{api}/kernels", Json("""{"name":"workbench-csharp","name":"python3"}"""));
        var direct = await DirectAsync(server, HttpMethod.Post, "api/kernels", Python);
        var listed = await (await DirectAsync(server, HttpMethod.Get, "api/kernelspecs")).Content.ReadAsStringAsync();
        var running = await (await DirectAsync(server, HttpMethod.Get, "api/kernels")).Content.ReadAsStringAsync();
        var withoutSecret = await DirectAsync(server, HttpMethod.Get, "api/kernels", secret: "");

        foreach (var refused in new[] { kernel, session, change })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var reason = await refused.Content.ReadAsStringAsync();
            Assert.Contains("only the sandboxed kernel workbench-csharp can be used in the workbench", reason, StringComparison.Ordinal);
            Assert.Contains("notebooks, not python3", reason, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, sessionWithoutKernelName.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unparsed.StatusCode);
        Assert.Contains("not plain JSON", await unparsed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, duplicate.StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, direct.StatusCode);
        Assert.DoesNotContain("python3", listed, StringComparison.Ordinal);
        Assert.Contains("workbench-csharp", listed, StringComparison.Ordinal);
        Assert.Equal("[]", running.Trim());
        Assert.Equal(HttpStatusCode.Forbidden, withoutSecret.StatusCode);
        Assert.Equal(6, (await RefusalsAsync(app)).Count);
    }

    /// <summary>The bypasses of issue 14 (no type, a duplicated type, a configuration change, a body that does not parse)
    /// and the other ways out or in: method, path, parameters and body, and a part of the refusal's reason.</summary>
    private static readonly (string Method, string Path, string? Body, string Reason)[] Attempts =
    [
        ("GET", "api/contents/first.ipynb", null, "type=notebook or type=directory"),
        ("GET", "api/contents/first.ipynb?type=notebook&type=file", null, "the parameter type is given more than once"),
        ("GET", "api/contents/first.ipynb?type=notebook&Type=file", null, "is given more than once"),
        ("GET", "api/contents/first.ipynb?type=file&format=base64", null, "type=notebook or type=directory"),
        ("GET", "api/contents/first.ipynb?type=notebook&format=text", null, "format text"),
        ("GET", "api/contents/first.ipynb?type=notebook&content=1&content=1", null, "given more than once"),
        ("GET", "api/contents/first.ipynb?type=notebook&download=1", null, "downloads and uploads are switched off"),
        ("GET", "api/contents/first.ipynb?type=notebook&token=x", null, "the parameter token is not accepted"),
        ("GET", "files/first.ipynb", null, "downloads and uploads are switched off"),
        ("GET", "nbconvert/html/first.ipynb?download=true", null, "downloads and uploads are switched off"),
        ("GET", "view/first.ipynb", null, "downloads and uploads are switched off"),
        ("GET", "edit/first.ipynb", null, "downloads and uploads are switched off"),
        ("GET", "api/nbconvert", null, "is not a part of Jupyter"),
        ("GET", "api/terminals", null, "is not a part of Jupyter"),
        ("POST", "api/shutdown", null, "is not a part of Jupyter"),
        ("GET", "login", null, "is not a part of Jupyter"),
        ("PATCH", "api/config/notebook", """{"load_extensions":{"x":true}}""", "the notebook configuration cannot be changed"),
        ("PUT", "api/config/tree", """{}""", "the notebook configuration cannot be changed"),
        ("PUT", "api/contents/data.csv", """{"type":"file","format":"text","content":"a,b\n1,2"}""", "downloads and uploads are switched off"),
        ("PUT", "api/contents/data.csv", """{"type":"file","format":"base64","content":NaN}""", "not plain JSON"),
        ("PUT", "api/contents/x.ipynb", """{"type":"notebook","type":"file","format":"text","content":"x"}""", "not plain JSON"),
        ("PUT", "api/contents/x.ipynb", """{"type":"notebook","format":"json","content":"UEsDBBQ="}""", "is not a notebook"),
        ("PUT", "api/contents/x.ipynb", """{"type":"notebook","content":{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[],"data":"x"}}""", "is not a notebook"),
        ("PUT", "api/contents/x.ipynb", """{"type":"notebook","format":"base64","content":{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[]}}""", "saved as json"),
        ("PUT", "api/contents/x.txt", """{"type":"notebook","content":{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[]}}""", "ending in .ipynb"),
        ("PUT", "api/contents/x.ipynb", "", "has no body"),
        ("POST", "api/contents", """{"type":"file"}""", "only a new notebook or a new folder"),
        ("POST", "api/contents", "", "has no body"),
        ("POST", "api/contents", """{"copy_from":"README.md"}""", "only a notebook is copied"),
        ("PATCH", "api/contents/first.ipynb", """{"path":"first.txt"}""", "a rename keeps a notebook a notebook"),
        ("GET", "api/contents/a%2Ffirst.ipynb?type=notebook", null, "escaped segments"),
        ("GET", "api/contents/first.ipynb/checkpoints/x/y", null, "type=notebook or type=directory"),
        ("GET", "kernelspecs/python3/logo-64x64.png", null, "only the sandboxed kernel"),
        ("OPTIONS", "tree", null, "is not a request the notebook pages make"),
    ];

    [Fact]
    public async Task Proxy_RequestsOutsideTheAllowList_AreForbiddenWithTheirReasonAuditedAndNotForwarded()
    {
        using var area = new NotebookArea();
        var (app, client, project, server) = await StartAsync(area);
        await using var _ = app;
        var failures = new List<string>();

        foreach (var (method, path, body, reason) in Attempts)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"/notebooks/{project}/{path}");
            if (body is not null) request.Content = Json(body);
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !text.Contains(reason, StringComparison.Ordinal))
                failures.Add($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(Attempts.Length, (await RefusalsAsync(app)).Count);
        var notebooks = Directory.GetFiles(Path.Combine(area.Root, project, server.UserId, "notebooks")).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain("data.csv", notebooks);
        Assert.DoesNotContain("x.ipynb", notebooks);
        Assert.DoesNotContain("x.txt", notebooks);
    }

    [Fact]
    public async Task Proxy_WhatTheNotebookPagesDo_IsForwarded()
    {
        using var area = new NotebookArea();
        var (app, client, project, _) = await StartAsync(area);
        await using var __ = app;
        var api = $"/notebooks/{project}/api";
        var nb = System.Text.Json.JsonSerializer.Serialize(NotebookArea.Notebook("1 + 1"));

        var tree = await client.GetAsync($"/notebooks/{project}/tree?_=1");
        var save = await client.PutAsync($"{api}/contents/mine.ipynb", Json(nb));
        var open = await client.GetAsync($"{api}/contents/mine.ipynb?type=notebook&_=1700000000000");
        var info = await client.GetAsync($"{api}/contents/mine.ipynb?type=notebook&content=0");
        var listing = await client.GetAsync($"{api}/contents?type=directory&_=1");
        var checkpoint = await client.PostAsync($"{api}/contents/mine.ipynb/checkpoints", null);
        var checkpoints = await client.GetAsync($"{api}/contents/mine.ipynb/checkpoints");
        var folder = await client.PostAsync($"{api}/contents", Json("""{"type":"directory"}"""));
        var untitled = await client.PostAsync($"{api}/contents", Json("""{"ext":".ipynb","type":"notebook"}"""));
        var copy = await client.PostAsync($"{api}/contents", Json("""{"copy_from":"mine.ipynb"}"""));
        var rename = await client.PatchAsync($"{api}/contents/mine.ipynb", Json("""{"path":"renamed.ipynb"}"""));
        var specs = await client.GetAsync($"{api}/kernelspecs");
        var config = await client.GetAsync($"{api}/config/notebook?_=1");
        var page = await client.GetAsync($"/notebooks/{project}/notebooks/renamed.ipynb?kernel_name=workbench-csharp");
        var sessions = await client.GetAsync($"{api}/sessions");
        var delete = await client.DeleteAsync($"{api}/contents/renamed.ipynb");

        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
        Assert.True(save.StatusCode == HttpStatusCode.Created, await save.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("1 + 1", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        // Item 5: the kernel's credential (and the server's secret) are beside the notebooks, not among them.
        var listed = await listing.Content.ReadAsStringAsync();
        Assert.DoesNotContain("kernel-token", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("notebook-secret", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, checkpoint.StatusCode);
        Assert.Equal(HttpStatusCode.OK, checkpoints.StatusCode);
        Assert.Equal(HttpStatusCode.Created, folder.StatusCode);
        Assert.Equal(HttpStatusCode.Created, untitled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, specs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(await RefusalsAsync(app));
    }

    [Fact]
    public async Task Secret_PagesThroughTheProxyAndCommandLines_DoNotContainIt()
    {
        using var area = new NotebookArea();
        var (app, client, project, server) = await StartAsync(area);
        await using var _ = app;
        var nb = System.Text.Json.JsonSerializer.Serialize(NotebookArea.Notebook("1 + 1"));
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync($"/notebooks/{project}/api/contents/page.ipynb", Json(nb))).StatusCode);

        var tree = await client.GetStringAsync($"/notebooks/{project}/tree");
        var notebook = await client.GetStringAsync($"/notebooks/{project}/notebooks/page.ipynb");
        var commandLines = Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out var _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")) + File.ReadAllText(Path.Combine(d, "environ")); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; } })
            .ToList();

        Assert.Contains("jupyter", tree, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("page.ipynb", notebook, StringComparison.Ordinal);
        Assert.Equal(48, server.Token.Length);
        Assert.DoesNotContain(server.Token, tree, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Token, notebook, StringComparison.Ordinal);
        Assert.Contains(commandLines, c => c.Contains("jupyter-notebook", StringComparison.Ordinal));
        Assert.DoesNotContain(commandLines, c => c.Contains(server.Token, StringComparison.Ordinal));
    }
}
