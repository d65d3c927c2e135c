using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;

namespace Workbench.Server.Tests.Identity;

/// <summary>
/// A lock, a deletion or a revoked role bites at the user's next request, in their open browser session and in their
/// tokens alike (it used to wait for the 30-minute security-stamp interval).
/// </summary>
public class SessionRevocationTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<int> CountAsync(WorkbenchApp app, Func<WorkbenchDbContext, Task<int>> count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lock_OpenSessionAndToken_AreRefusedAtTheNextRequest(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var admin = await app.SignInAsync(await app.CreateUserAsync("anna.admin", "CBS", WorkbenchRole.Admin));
        var requesterUser = await app.CreateUserAsync("renske", "GM0363", WorkbenchRole.Requester);
        var requester = await app.SignInAsync(requesterUser);
        var token = await DeviceTokens.AccessTokenAsync(app, requesterUser, "openid");
        var before = await requester.GetAsync("/api/me");
        var questionsBefore = await CountAsync(app, db => db.Questions.CountAsync());

        var locked = await admin.PostAsync($"/api/users/{requesterUser.Id}/lock", null);
        var question = await requester.PostAsJsonAsync("/api/questions", Questions.QuestionBuilder.Complete(), Json);
        var page = await requester.GetAsync("/Questions");
        var withToken = await DeviceTokens.SendAsync(app.CreateHttpsClient(), HttpMethod.Get, "/api/me", token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, question.StatusCode);
        Assert.Equal(questionsBefore, await CountAsync(app, db => db.Questions.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Equal(1, await CountAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == SessionValidation.SessionEnded && e.Actor == requesterUser.Id)));
    }

    [Fact]
    public async Task RevokeRole_OpenSession_ThatRolesApiIsForbiddenAtOnce_TheSessionLives()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("anna.admin", "CBS", WorkbenchRole.Admin));
        var auditorUser = await app.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker, WorkbenchRole.Auditor);
        var auditor = await app.SignInAsync(auditorUser);
        var before = await auditor.GetAsync("/api/audit/entries");

        var revoked = await admin.DeleteAsync($"/api/users/{auditorUser.Id}/roles/Auditor");
        var after = await auditor.GetAsync("/api/audit/entries");
        var me = await auditor.GetFromJsonAsync<JsonElement>("/api/me");
        var granted = await admin.PutAsync($"/api/users/{auditorUser.Id}/roles/Auditor", null);
        var again = await auditor.GetAsync("/api/audit/entries");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(["OutputChecker"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.NotNull(me.GetProperty("mfaAt").GetString()); // the session keeps when it passed its second factor
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task DeleteUser_OpenSessionAndToken_AreRefusedAtTheNextRequest()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var session = await app.SignInAsync(user);
        var token = await DeviceTokens.AccessTokenAsync(app, user, "openid");
        var api = app.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.OK, (await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/me", token)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
            db.RoleAssignments.RemoveRange(db.RoleAssignments.Where(a => a.UserId == user.Id));
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
        }
        var withCookie = await session.GetAsync("/api/me");
        var withToken = await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/me", token);

        Assert.True(withCookie.StatusCode == HttpStatusCode.Unauthorized, await withCookie.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Contains("no longer exists", withToken.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
