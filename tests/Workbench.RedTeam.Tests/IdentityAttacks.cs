using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.RedTeam.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;

namespace Workbench.RedTeam.Tests;

/// <summary>
/// Accounts and sessions: administration with a token instead of a fresh MFA session, a locked account's open session,
/// and the audit log staying intact after every attempt of this suite.
/// </summary>
[Collection(RunningWorkbenchGroup.Name)]
public sealed class IdentityAttacks(RunningWorkbench workbench)
{
    private static readonly string[] AdminRole = ["Admin"];

    [Fact]
    public async Task AdministerUsers_WithTheAdminsCommandLineToken_IsRefused()
    {
        var admin = await workbench.SignInAsync("admin");
        using var http = new HttpClient { BaseAddress = workbench.BaseAddress };
        var token = await OidcClient.DeviceTokenAsync(workbench.BaseAddress, admin.Client, "workbench-cli", "openid");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var users = await admin.Client.GetFromJsonAsync<JsonElement>("/api/users", RunningWorkbench.Json);
        var requester = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "requester").GetProperty("id").GetString();

        var create = await http.PostAsJsonAsync("/api/users", new
        {
            userName = "mallory.insider", email = "mallory@example.org", displayName = "Mallory", organisationId = "CBS",
            roles = AdminRole, initialPassword = "An-Initial-Password-2026!",
        });
        var lockOther = await http.PostAsync($"/api/users/{requester}/lock", null);
        var grant = await http.PutAsync($"/api/users/{requester}/roles/Admin", null);

        foreach (var refused in new[] { create, lockOther, grant })
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"a token administered users: {(int)refused.StatusCode}");
        var after = await admin.Client.GetFromJsonAsync<JsonElement>("/api/users", RunningWorkbench.Json);
        Assert.DoesNotContain(after.EnumerateArray(), u => u.GetProperty("userName").GetString() == "mallory.insider");
        Assert.False(after.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "requester").GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task LockedAccount_ItsOpenSession_EndsAtOnce()
    {
        var admin = await workbench.SignInAsync("admin");
        var requester = await workbench.SignInAsync("requester");
        Assert.Equal(HttpStatusCode.OK, (await requester.Client.GetAsync("/api/me")).StatusCode);

        var locked = await admin.Client.PostAsync($"/api/users/{requester.Id}/lock", null);
        try
        {
            Assert.True(locked.IsSuccessStatusCode, $"lock answered {(int)locked.StatusCode}: {await locked.Content.ReadAsStringAsync()}");
            var me = await requester.Client.GetAsync("/api/me");
            var questions = await requester.Client.GetAsync("/api/questions");

            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, questions.StatusCode);
        }
        finally
        {
            Assert.True((await admin.Client.PostAsync($"/api/users/{requester.Id}/unlock", null)).IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task AuditLog_AfterTheAttempts_VerifiesIntact()
    {
        var admin = await workbench.SignInAsync("admin");

        var verify = await admin.Client.GetAsync("/api/audit/verify");

        Assert.True(verify.StatusCode == HttpStatusCode.OK, $"verify answered {(int)verify.StatusCode}: {await verify.Content.ReadAsStringAsync()}");
    }
}
