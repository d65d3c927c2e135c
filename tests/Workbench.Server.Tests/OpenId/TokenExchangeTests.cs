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
using Workbench.Server.Tests.Projects;
using static Workbench.Server.Tests.OpenId.OidcClient;

namespace Workbench.Server.Tests.OpenId;

/// <summary>RFC 8693: a user's project access token exchanged for a short-lived kernel token, over HTTP.</summary>
public class TokenExchangeTests
{
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record Setup(WorkbenchApp App, HttpClient Admin, TestUser Scientist, string Project);

    private static async Task<Setup> StartAsync(DatabaseProvider provider)
    {
        var app = await WorkbenchApp.StartAsync(provider);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var created = await admin.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)), Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return new Setup(app, admin, scientist, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>The user's access token from the code flow with PKCE, for <paramref name="scope"/>.</summary>
    private static async Task<string> AccessTokenAsync(WorkbenchApp app, TestUser user, string scope)
    {
        var client = await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient());
        var (verifier, challenge) = Pkce();
        var callback = await FollowToCallbackAsync(client, AuthorizeUrl(scope, challenge));
        var (status, tokens) = await PostAsync(client, "/connect/token", WithNotebookSecret(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = Query(callback, "code"),
            ["redirect_uri"] = WorkbenchApp.NotebooksRedirectUri, ["code_verifier"] = verifier,
        }));
        Assert.Equal(HttpStatusCode.OK, status);
        return tokens.GetProperty("access_token").GetString()!;
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(WorkbenchApp app, string subjectToken, string scope) =>
        PostAsync(app.CreateHttpsClient(), "/connect/token", WithNotebookSecret(new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange", ["subject_token"] = subjectToken,
            ["subject_token_type"] = AccessTokenType, ["scope"] = scope,
        }));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Exchange_ProjectAccessToken_GivesAShortLivedKernelTokenForThatProjectsDataOnly(DatabaseProvider provider)
    {
        var (app, _, scientist, project) = await StartAsync(provider);
        await using var _app = app;
        var access = await AccessTokenAsync(app, scientist, $"openid offline_access project:{project}");

        var (status, body) = await ExchangeAsync(app, access, $"project:{project}");

        Assert.Equal(HttpStatusCode.OK, status);
        var kernel = body.GetProperty("access_token").GetString()!;
        Assert.DoesNotContain('.', kernel); // a reference token, revocable
        Assert.False(body.TryGetProperty("refresh_token", out _));
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 1, 15 * 60);
        Assert.Equal(AccessTokenType, body.GetProperty("issued_token_type").GetString());
        var api = app.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync(api, $"/api/projects/{project}/data", kernel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetWithTokenAsync(api, "/api/me", kernel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetWithTokenAsync(api, $"/api/projects/{project}", kernel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync(api, "/api/me", access)).StatusCode); // the user's own token is unchanged
        var (again, _) = await ExchangeAsync(app, kernel, $"project:{project}");
        Assert.Equal(HttpStatusCode.BadRequest, again); // a kernel token cannot be exchanged into another one
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var exchanged = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.TokenExchanged);
        Assert.Equal((scientist.Id, $"project:{project}"), (exchanged.Actor, exchanged.Subject));
        Assert.Contains($"\"client\":\"{WorkbenchApp.NotebooksClientId}\"", exchanged.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_ScopeTheSubjectTokenDoesNotHold_IsInvalidScope()
    {
        var (app, admin, scientist, project) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _app = app;
        var other = await admin.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)), Json);
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var access = await AccessTokenAsync(app, scientist, $"openid project:{project}");

        var (status, body) = await ExchangeAsync(app, access, $"project:{otherId}");
        var (twoStatus, _) = await ExchangeAsync(app, access, $"project:{project} openid");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        Assert.Contains("does not hold", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twoStatus);
    }

    [Fact]
    public async Task Exchange_NoLongerAMember_IsRefusedAndAudited()
    {
        var (app, admin, scientist, project) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _app = app;
        var access = await AccessTokenAsync(app, scientist, $"openid project:{project}");
        var removed = await admin.PutAsJsonAsync($"/api/projects/{project}",
            new ProjectChangeRequest(1, "the scientist left the project", ProjectBuilder.Valid()), Json);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);

        var (status, body) = await ExchangeAsync(app, access, $"project:{project}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        Assert.Contains("not a member of that project", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.TokenExchanged));
        var refused = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.TokenExchangeRefused);
        Assert.Equal((scientist.Id, $"project:{project}"), (refused.Actor, refused.Subject));
    }

    [Fact]
    public async Task Exchange_AfterRetentionEnd_IsRefused()
    {
        var (app, _, scientist, project) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _app = app;
        var access = await AccessTokenAsync(app, scientist, $"openid project:{project}");
        app.Clock.Advance(TimeSpan.FromDays(367));

        var (status, body) = await ExchangeAsync(app, access, $"project:{project}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        Assert.Contains("retention period has ended", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }
}
