using System.Net;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.OpenId.OidcClient;

namespace Workbench.Server.Tests.OpenId;

/// <summary>Discovery and the authorization code flow with PKCE, introspection, refresh and revocation.</summary>
public class CodeFlowTests
{
    [Fact]
    public async Task Discovery_Anonymous_AdvertisesTheFlowsAndEndpoints()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateHttpsClient();

        var discovery = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.Equal("https://localhost/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("https://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal("https://localhost/connect/device", discovery.GetProperty("device_authorization_endpoint").GetString());
        Assert.Equal("https://localhost/connect/introspect", discovery.GetProperty("introspection_endpoint").GetString());
        Assert.Equal("https://localhost/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Subset(grants.ToHashSet(), new HashSet<string?> { "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code" });
        Assert.DoesNotContain("password", grants);
        Assert.DoesNotContain("implicit", grants);
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/.well-known/jwks")).StatusCode);
    }

    [Fact]
    public async Task Discovery_PlainHttpOutsideDevelopment_IsRefused()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CodeFlow_SignInThenPkce_ReferenceTokenWorksIntrospectsRefreshesAndRevokes(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = app.CreateHttpsClient();
        var (verifier, challenge) = Pkce();

        // Not signed in: the authorize endpoint sends the browser to sign in, and the sign-in comes back to it.
        var toSignIn = await FollowToCallbackAsync(client, AuthorizeUrl("openid offline_access", challenge));
        Assert.Equal("/Account/SignIn", toSignIn.AbsolutePath);
        var returnUrl = Query(toSignIn, "ReturnUrl");
        await WorkbenchApp.SignInAsync(user, client);
        var callback = await FollowToCallbackAsync(client, returnUrl);
        Assert.Equal("state-123", Query(callback, "state"));

        var (status, tokens) = await PostAsync(client, "/connect/token", WithNotebookSecret(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = Query(callback, "code"),
            ["redirect_uri"] = WorkbenchApp.NotebooksRedirectUri, ["code_verifier"] = verifier,
        }));
        Assert.Equal(HttpStatusCode.OK, status);
        var access = tokens.GetProperty("access_token").GetString()!;
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        Assert.DoesNotContain('.', access); // a reference token: an opaque handle, not a readable JWT

        var api = app.CreateHttpsClient();
        var me = await GetWithTokenAsync(api, "/api/me", access);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"userName\":\"sci\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, introspection) = await PostAsync(api, "/connect/introspect", WithNotebookSecret(new() { ["token"] = access }));
        Assert.True(introspection.GetProperty("active").GetBoolean());
        Assert.Equal(user.Id, introspection.GetProperty("sub").GetString());

        var (refreshStatus, refreshed) = await PostAsync(api, "/connect/token", WithNotebookSecret(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }));
        Assert.Equal(HttpStatusCode.OK, refreshStatus);
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync(api, "/api/me", refreshed.GetProperty("access_token").GetString()!)).StatusCode);

        var revoke = await api.PostAsync("/connect/revoke", new FormUrlEncodedContent(WithNotebookSecret(new() { ["token"] = access })));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var (_, afterRevoke) = await PostAsync(api, "/connect/introspect", WithNotebookSecret(new() { ["token"] = access }));
        Assert.False(afterRevoke.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithTokenAsync(api, "/api/me", access)).StatusCode);
    }

    [Fact]
    public async Task CodeFlow_WithoutPkce_IsRefused()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient());

        var response = await client.GetAsync(AuthorizeUrl("openid", challenge: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task CodeFlow_PasswordOnlySession_IsSentToSignInNotGivenACode()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("new", "CBS", enrolled: false, WorkbenchRole.Requester);
        var client = app.CreateHttpsClient();
        await WorkbenchApp.PostFormAsync(client, "/Account/SignIn", new() { ["UserName"] = "new", ["Password"] = WorkbenchApp.Password });

        var location = await FollowToCallbackAsync(client, AuthorizeUrl("openid", Pkce().Challenge));

        Assert.StartsWith("/Account/", location.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeFlow_UnknownScope_IsRefusedWithInvalidScope()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient());

        var callback = await FollowToCallbackAsync(client, AuthorizeUrl("openid admin:everything", Pkce().Challenge));

        Assert.Equal("invalid_scope", Query(callback, "error"));
    }
}
