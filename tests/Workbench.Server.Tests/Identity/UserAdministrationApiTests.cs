using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Organisations;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

public class UserAdministrationApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static CreateUserRequest NewUser(string name, params WorkbenchRole[] roles) =>
        new(name, $"{name}@cbs.test", "Jan Jansen", "CBS", roles, WorkbenchApp.Password);

    private static async Task<UserSummary> CreateAsync(HttpClient admin, CreateUserRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/users", request, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UserSummary>(Json))!;
    }

    private static async Task<List<AuditEntry>> AuditAsync(WorkbenchApp app, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries.Where(e => e.Action == action).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_NewUser_HasNoAuthenticatorAndMustEnrolAtFirstSignIn(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var adminUser = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var admin = await app.SignInAsync(adminUser);

        var created = await CreateAsync(admin, NewUser("jan.jansen", WorkbenchRole.DataScientist));
        var firstSignIn = await WorkbenchApp.PostFormAsync(app.CreateBrowserlessClient(), "/Account/SignIn",
            new() { ["UserName"] = "jan.jansen", ["Password"] = WorkbenchApp.Password });

        Assert.Equal([WorkbenchRole.DataScientist], created.Roles);
        Assert.Equal((false, false), (created.MfaEnrolled, created.Locked));
        Assert.Equal(HttpStatusCode.Redirect, firstSignIn.StatusCode);
        Assert.StartsWith("/Account/EnrolMfa", firstSignIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync(app, AuditActions.UserCreated), e => e.Subject == "user:jan.jansen");
        Assert.Equal(adminUser.Id, audit.Actor);
    }

    [Theory]
    [InlineData("team", "looks like a shared account")]
    [InlineData("admin", "looks like a shared account")]
    public async Task Post_SharedAccountName_IsRefusedWithTheReason(string name, string reason)
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("root.admin", "CBS", WorkbenchRole.Admin));

        var response = await admin.PostAsJsonAsync("/api/users", NewUser(name, WorkbenchRole.DataScientist), Json);
        var sameEmail = await admin.PostAsJsonAsync("/api/users", NewUser("root.admin", WorkbenchRole.DataScientist) with { UserName = "piet" , Email = "root.admin@test.invalid" }, Json);
        var unknownOrganisation = await admin.PostAsJsonAsync("/api/users", NewUser("kees", WorkbenchRole.DataScientist) with { OrganisationId = "NOPE" }, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sameEmail.StatusCode);
        Assert.Contains("accounts are personal", await sameEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownOrganisation.StatusCode);
    }

    [Fact]
    public async Task Lock_User_CannotSignInUntilUnlockedAndItIsAudited()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var adminUser = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var admin = await app.SignInAsync(adminUser);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);

        var locked = await admin.PostAsync($"/api/users/{scientist.Id}/lock", null);
        var whileLocked = await WorkbenchApp.PostFormAsync(app.CreateBrowserlessClient(), "/Account/SignIn",
            new() { ["UserName"] = "sci", ["Password"] = WorkbenchApp.Password });
        var self = await admin.PostAsync($"/api/users/{adminUser.Id}/lock", null);
        var unlocked = await admin.PostAsync($"/api/users/{scientist.Id}/unlock", null);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True((await locked.Content.ReadFromJsonAsync<UserSummary>(Json))!.Locked);
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode); // the sign-in page again, not on to the second factor
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<UserSummary>(Json))!.Locked);
        await app.SignInAsync(scientist); // asserts the way through password and TOTP
        Assert.Single(await AuditAsync(app, AuditActions.UserLocked));
        Assert.Single(await AuditAsync(app, AuditActions.UserUnlocked));
    }

    [Fact]
    public async Task GrantAndRevokeAuditor_OpensAndClosesTheAuditLog()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var adminUser = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var admin = await app.SignInAsync(adminUser);
        var checker = await app.CreateUserAsync("checker", "CBS", WorkbenchRole.OutputChecker);

        var before = await (await app.SignInAsync(checker)).GetAsync("/api/audit/entries");
        var granted = await admin.PutAsync($"/api/users/{checker.Id}/roles/Auditor", null);
        var twice = await admin.PutAsync($"/api/users/{checker.Id}/roles/Auditor", null);
        var asAuditor = await (await app.SignInAsync(checker)).GetAsync("/api/audit/entries");
        var revoked = await admin.DeleteAsync($"/api/users/{checker.Id}/roles/Auditor");
        var after = await (await app.SignInAsync(checker)).GetAsync("/api/audit/entries");
        var ownAdmin = await admin.DeleteAsync($"/api/users/{adminUser.Id}/roles/Admin");

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ownAdmin.StatusCode);
        Assert.Equal(adminUser.Id, Assert.Single(await AuditAsync(app, AuditActions.RoleGranted)).Actor);
        Assert.Single(await AuditAsync(app, AuditActions.RoleRevoked));
    }

    [Fact]
    public async Task Post_Organisation_IsCreatedOnceAndAudited()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var request = new CreateOrganisationRequest("GM0344", "Gemeente Utrecht", OrganisationKind.Municipality);

        var created = await admin.PostAsJsonAsync("/api/organisations", request, Json);
        var again = await admin.PostAsJsonAsync("/api/organisations", request, Json);
        var user = await admin.PostAsJsonAsync("/api/users", NewUser("anna.utrecht", WorkbenchRole.Requester) with { OrganisationId = "GM0344" }, Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        Assert.Equal("organisation:GM0344", Assert.Single(await AuditAsync(app, AuditActions.OrganisationCreated)).Subject);
    }
}
