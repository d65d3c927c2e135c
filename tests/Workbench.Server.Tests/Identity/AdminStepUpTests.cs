using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Organisations;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Identity;

/// <summary>
/// Every administrative change needs what the admin pages need: the browser session with a second factor confirmed
/// within the last 15 minutes. A stale session is told to step up; an access token never gets there.
/// </summary>
public class AdminStepUpTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static CreateUserRequest NewUser(string name) =>
        new(name, $"{name}@cbs.test", "Jan Jansen", "CBS", [WorkbenchRole.DataScientist], WorkbenchApp.Password);

    private static async Task<int> RefusalsAsync(WorkbenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries.CountAsync(e => e.Action == StepUpRedirect.AccessRefused);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AdminApis_StaleSession_AreRefusedWithTheStepUpReason_UntilConfirmed(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var adminUser = await app.CreateUserAsync("anna.admin", "CBS", WorkbenchRole.Admin);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var admin = await app.SignInAsync(adminUser);
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        var attempts = new Dictionary<string, HttpResponseMessage>
        {
            ["list users"] = await admin.GetAsync("/api/users"),
            ["create user"] = await admin.PostAsJsonAsync("/api/users", NewUser("jan.jansen"), Json),
            ["lock"] = await admin.PostAsync($"/api/users/{scientist.Id}/lock", null),
            ["unlock"] = await admin.PostAsync($"/api/users/{scientist.Id}/unlock", null),
            ["grant"] = await admin.PutAsync($"/api/users/{scientist.Id}/roles/Auditor", null),
            ["revoke"] = await admin.DeleteAsync($"/api/users/{scientist.Id}/roles/DataScientist"),
            ["add organisation"] = await admin.PostAsJsonAsync("/api/organisations", new CreateOrganisationRequest("GM0344", "Gemeente Utrecht", OrganisationKind.Municipality), Json),
            ["create project"] = await admin.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)), Json),
        };
        var reading = await admin.GetAsync("/api/organisations"); // reading what the page does not guard stays open
        var refusals = await RefusalsAsync(app);
        await WorkbenchApp.PostFormAsync(admin, "/Account/StepUp", new() { ["Code"] = Totp.Now(adminUser.TotpKey!), ["ReturnUrl"] = "/" });
        var afterStepUp = await admin.PostAsJsonAsync("/api/users", NewUser("jan.jansen"), Json);

        foreach (var (what, response) in attempts)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode}");
            var problem = await DeviceTokens.ProblemAsync(response);
            Assert.Contains("/Account/StepUp", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
        Assert.Equal(attempts.Count, refusals);
        Assert.Equal(HttpStatusCode.Created, afterStepUp.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Id == scientist.Id && u.LockoutEnd != null));
        Assert.False(await db.Organisations.AnyAsync(o => o.Id == "GM0344"));
    }

    [Fact]
    public async Task AdminApis_AdminsAccessToken_AreRefusedEvenRightAfterSignIn()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var adminUser = await app.CreateUserAsync("anna.admin", "CBS", WorkbenchRole.Admin);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var token = await DeviceTokens.AccessTokenAsync(app, adminUser, "openid offline_access");
        var api = app.CreateHttpsClient();

        var lockUser = await DeviceTokens.SendAsync(api, HttpMethod.Post, $"/api/users/{scientist.Id}/lock", token);
        var listUsers = await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/users", token);
        var grant = await DeviceTokens.SendAsync(api, HttpMethod.Put, $"/api/users/{scientist.Id}/roles/Admin", token);
        var organisation = await DeviceTokens.SendAsync(api, HttpMethod.Post, "/api/organisations", token);
        var me = await (await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/me", token)).Content.ReadFromJsonAsync<JsonElement>();

        foreach (var response in new[] { lockUser, listUsers, grant, organisation })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("access token", (await DeviceTokens.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Empty(me.GetProperty("roles").EnumerateArray()); // a token carries no organisation role
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Id == scientist.Id && u.LockoutEnd != null));
        Assert.False(await db.RoleAssignments.AnyAsync(a => a.UserId == scientist.Id && a.Role == WorkbenchRole.Admin));
    }

    [Fact]
    public async Task ProjectsApi_StaleAdminSession_ReadsButCannotChange()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("anna.admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var created = await admin.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)), Json);
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        var read = await admin.GetAsync($"/api/projects/{project}");
        var change = await admin.PutAsJsonAsync($"/api/projects/{project}",
            new ProjectChangeRequest(1, "stale session", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id))), Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }
}
