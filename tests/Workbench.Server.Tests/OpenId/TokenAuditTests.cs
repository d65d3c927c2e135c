using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.OpenId.OidcClient;

namespace Workbench.Server.Tests.OpenId;

/// <summary>Issuing, refreshing and revoking tokens each leave an audit entry naming the user and the client.</summary>
public class TokenAuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssueRefreshRevoke_EachIsAuditedWithUserAndClient(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient());
        var (verifier, challenge) = Pkce();
        var callback = await FollowToCallbackAsync(client, AuthorizeUrl("openid profile offline_access", challenge));

        var (issuedStatus, tokens) = await PostAsync(client, "/connect/token", WithNotebookSecret(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = Query(callback, "code"),
            ["redirect_uri"] = WorkbenchApp.NotebooksRedirectUri, ["code_verifier"] = verifier,
        }));
        var (refreshedStatus, refreshed) = await PostAsync(client, "/connect/token",
            WithNotebookSecret(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()! }));
        var revoke = await client.PostAsync("/connect/revoke",
            new FormUrlEncodedContent(WithNotebookSecret(new() { ["token"] = refreshed.GetProperty("access_token").GetString()! })));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (issuedStatus, refreshedStatus, revoke.StatusCode));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var entries = await db.AuditEntries.Where(e => e.Action.StartsWith("oidc.token_")).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([AuditActions.TokenIssued, AuditActions.TokenRefreshed, AuditActions.TokenRevoked], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((user.Id, "user:sci"), (e.Actor, e.Subject)));
        Assert.All(entries, e => Assert.Contains($"\"client\":\"{WorkbenchApp.NotebooksClientId}\"", e.Details, StringComparison.Ordinal));
        Assert.Contains("\"tokenType\":\"urn:ietf:params:oauth:token-type:access_token\"", entries[2].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_UnknownToken_IsNotAudited()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);

        var revoke = await app.CreateHttpsClient().PostAsync("/connect/revoke",
            new FormUrlEncodedContent(WithNotebookSecret(new() { ["token"] = "not-a-token" })));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.TokenRevoked));
        Assert.NotEqual(HttpStatusCode.InternalServerError, revoke.StatusCode);
    }
}
