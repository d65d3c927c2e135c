using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Audit;
using Workbench.RedTeam.Tests.Infrastructure;

namespace Workbench.RedTeam.Tests;

/// <summary>
/// Through the notebook proxy: start a kernel that is not the sandboxed one, download or upload files around the
/// notebook page, reach what the page never asks for. Everything outside the allow list is 403 with the reason and
/// audited as <c>notebook.access_denied</c>; a body the proxy cannot parse is refused, never forwarded.
/// </summary>
[Collection(RunningWorkbenchGroup.Name)]
public sealed class NotebookProxyAttacks(RunningWorkbench workbench) : IAsyncLifetime
{
    private SignedIn scientist = null!;
    private SignedIn admin = null!;
    private NotebookSession notebook = null!;

    public async Task InitializeAsync()
    {
        scientist = await workbench.SignInAsync("scientist");
        admin = await workbench.SignInAsync("admin");
        var projects = await scientist.Client.GetFromJsonAsync<JsonElement>("/api/projects", RunningWorkbench.Json);
        notebook = await NotebookSession.OpenAsync(scientist, projects.EnumerateArray().First().GetProperty("id").GetString()!);
    }

    public Task DisposeAsync()
    {
        notebook.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string?> Refused => new()
    {
        // Any kernel but the sandboxed one, however it is asked for.
        { "POST", "api/kernels", """{"name":"python3"}""" },
        { "POST", "api/kernels", """{"name":"python3","name":"workbench-csharp"}""" },
        { "POST", "api/kernels", "{\"name\": NaN}" },
        { "POST", "api/sessions", """{"path":"x.ipynb","type":"notebook","name":"","kernel":{"name":"python3"}}""" },
        { "POST", "api/sessions", """{"path":"x.ipynb","type":"notebook","name":"","kernel":{"id":"00000000-0000-0000-0000-000000000000"}}""" },
        { "PATCH", "api/sessions/00000000-0000-0000-0000-000000000000", """{"kernel":{"name":"python3"}}""" },
        // Downloads: raw files, conversions, the download flag, file contents without or with a doubled type.
        { "GET", "files/01-drug-sites.ipynb", null },
        { "GET", "nbconvert/html/01-drug-sites.ipynb?download=true", null },
        { "GET", "notebooks/01-drug-sites.ipynb?download=1", null },
        { "GET", "api/contents/01-drug-sites.ipynb", null },
        { "GET", "api/contents/01-drug-sites.ipynb?type=notebook&type=file", null },
        { "GET", "api/contents/01-drug-sites.ipynb?type=file&format=text", null },
        { "GET", "api/contents/01-drug-sites.ipynb?type=notebook&format=base64", null },
        { "GET", "view/01-drug-sites.ipynb", null },
        { "GET", "edit/01-drug-sites.ipynb", null },
        // Configuration that would switch something on, terminals, and what the page never needs.
        { "PATCH", "api/config/notebook", """{"load_extensions":{"zip/download":true}}""" },
        { "PUT", "api/config/tree", "{}" },
        { "POST", "api/terminals", null },
        { "GET", "terminals/1", null },
        { "GET", "api/nbconvert", null },
        { "GET", "api/contents/../work", null },
        // Uploads: a file with content, and a body the proxy cannot parse (must never reach Jupyter).
        { "PUT", "api/contents/upload.csv", """{"type":"file","format":"text","content":"person_id\n1"}""" },
        { "PUT", "api/contents/upload.ipynb", "{\"type\":\"notebook\",\"format\":\"json\",\"content\": NaN}" },
        { "PUT", "api/contents/upload.ipynb", """{"type":"notebook","format":"json","content":"not a notebook"}""" },
        { "POST", "api/contents", """{"type":"file","ext":".csv"}""" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Request_OutsideWhatTheNotebookPageNeeds_IsForbiddenAndAudited(string method, string path, string? body)
    {
        var head = await Refusals.AuditHeadAsync(admin.Client);

        using var response = await notebook.SendAsync(new HttpMethod(method), path, body);

        await Refusals.AssertProblemAsync(response, HttpStatusCode.Forbidden, "");
        await Refusals.AssertAuditedAsync(admin.Client, head, AuditActions.NotebookAccessDenied, scientist.Id);
    }

    [Fact]
    public async Task NotebookPage_WhatItNeeds_StillWorks()
    {
        // The tree, a notebook page, its listing and content, a save of a real notebook, and the sandboxed kernel.
        Assert.Equal(HttpStatusCode.OK, (await notebook.GetAsync("tree")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await notebook.GetAsync("notebooks/01-drug-sites.ipynb")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await notebook.GetAsync("api/contents?type=directory&content=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await notebook.GetAsync("api/contents/01-drug-sites.ipynb?type=notebook&content=1")).StatusCode);
        using var saved = await notebook.SendAsync(HttpMethod.Put, "api/contents/red-team.ipynb",
            """{"type":"notebook","format":"json","content":{"cells":[],"metadata":{},"nbformat":4,"nbformat_minor":5}}""");
        Assert.True(saved.IsSuccessStatusCode, $"saving a notebook answered {(int)saved.StatusCode}");
    }

    [Fact]
    public async Task Proxy_WithoutTheSession_IsNotServed()
    {
        using var anonymous = new HttpClient { BaseAddress = notebook.Base };

        using var response = await anonymous.GetAsync("api/contents?type=directory&content=1");

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found,
            $"the proxy served an anonymous request: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task NotebookPages_NeverCarryTheJupyterToken()
    {
        foreach (var page in new[] { "tree", "notebooks/01-drug-sites.ipynb" })
        {
            var html = await (await notebook.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.DoesNotMatch("\"token\"\\s*:\\s*\"[0-9a-f]{16,}\"", html);
            Assert.DoesNotMatch("token=[0-9a-f]{16,}", html);
        }
    }
}
