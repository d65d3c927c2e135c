using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;
using static Workbench.Server.Tests.OpenId.OidcClient;

namespace Workbench.Server.Tests.Outputs;

/// <summary>A kernel token (token exchange) may submit its own project's outputs, and still nothing else.</summary>
public class KernelSubmissionTests
{
    private static async Task<string> KernelTokenAsync(WorkbenchApp app, TestUser user, string project)
    {
        var client = await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient());
        var (verifier, challenge) = Pkce();
        var callback = await FollowToCallbackAsync(client, AuthorizeUrl($"openid project:{project}", challenge));
        var (_, tokens) = await PostAsync(client, "/connect/token", WithNotebookSecret(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = Query(callback, "code"),
            ["redirect_uri"] = WorkbenchApp.NotebooksRedirectUri, ["code_verifier"] = verifier,
        }));
        var (status, exchanged) = await PostAsync(app.CreateHttpsClient(), "/connect/token", WithNotebookSecret(new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange", ["subject_token"] = tokens.GetProperty("access_token").GetString()!,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token", ["scope"] = $"project:{project}",
        }));
        Assert.Equal(HttpStatusCode.OK, status);
        return exchanged.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpStatusCode> SendAsync(WorkbenchApp app, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: OutputBuilder.Json);
        }
        return (await app.CreateHttpsClient().SendAsync(request)).StatusCode;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KernelToken_SubmitsItsProjectsOutput_AndReachesNothingElse(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var projects = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var created = await admin.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)), OutputBuilder.Json);
            projects.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        var kernel = await KernelTokenAsync(app, scientist, projects[0]);

        var submitted = await SendAsync(app, HttpMethod.Post, $"/api/projects/{projects[0]}/outputs", kernel, OutputBuilder.Body());
        var otherProject = await SendAsync(app, HttpMethod.Post, $"/api/projects/{projects[1]}/outputs", kernel, OutputBuilder.Body());
        var list = await SendAsync(app, HttpMethod.Get, "/api/outputs", kernel);
        var withdraw = await SendAsync(app, HttpMethod.Post, "/api/outputs/O-2026-0001/withdraw", kernel);
        var below = await SendAsync(app, HttpMethod.Post, $"/api/projects/{projects[0]}/outputs/x", kernel, OutputBuilder.Body());

        Assert.Equal(HttpStatusCode.Created, submitted);
        Assert.Equal(HttpStatusCode.Forbidden, otherProject);
        Assert.Equal(HttpStatusCode.Forbidden, list);
        Assert.Equal(HttpStatusCode.Forbidden, withdraw);
        Assert.Equal(HttpStatusCode.Forbidden, below);
        var audit = Assert.Single(await OutputsApiTests.AuditOfAsync(app, "O-" + app.Clock.GetUtcNow().Year + "-0001"));
        Assert.Equal((AuditActions.OutputSubmitted, scientist.Id), (audit.Action, audit.Actor));
    }
}
