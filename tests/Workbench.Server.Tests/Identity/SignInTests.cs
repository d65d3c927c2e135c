using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

public partial class SignInTests
{
    private static async Task<List<string>> ActionsAsync(WorkbenchApp app, string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries
            .Where(e => e.Subject == subject).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_PasswordAndTotp_ReachesApiAndIsAudited(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = await app.SignInAsync(user);

        var me = await client.GetStringAsync("/api/me");

        Assert.Contains("\"roles\":[\"DataScientist\"]", me, StringComparison.Ordinal);
        Assert.Equal([AuditActions.UserCreated, AuditActions.SignInSucceeded], await ActionsAsync(app, "user:sci"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_PasswordOnlyWithoutEnrolment_ReachesOnlyEnrolment_ThenTotpUnlocks(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        await app.CreateUserAsync("new", "CBS", enrolled: false, WorkbenchRole.Requester);
        var client = app.CreateBrowserlessClient();

        var signIn = await WorkbenchApp.PostFormAsync(client, "/Account/SignIn", new() { ["UserName"] = "new", ["Password"] = WorkbenchApp.Password });
        var apiBefore = await client.GetAsync("/api/me");
        var page = await client.GetStringAsync("/Account/EnrolMfa");
        var key = ManualKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var enrol = await WorkbenchApp.PostFormAsync(client, "/Account/EnrolMfa", new() { ["Code"] = Totp.Now(key) });
        var apiAfter = await client.GetAsync("/api/me");

        Assert.StartsWith("/Account/EnrolMfa", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, apiBefore.StatusCode);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCode().Count(await enrol.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, apiAfter.StatusCode);
        Assert.Contains(AuditActions.MfaEnrolled, await ActionsAsync(app, "user:new"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_WrongTotpFiveTimes_LocksOutAndAuditsEachFailure(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = app.CreateBrowserlessClient();
        await WorkbenchApp.PostFormAsync(client, "/Account/SignIn", new() { ["UserName"] = "sci", ["Password"] = WorkbenchApp.Password });
        var wrong = Totp.Now(user.TotpKey!) == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            await WorkbenchApp.PostFormAsync(client, "/Account/Mfa", new() { ["Code"] = wrong });
        }
        var lastTry = await WorkbenchApp.PostFormAsync(client, "/Account/Mfa", new() { ["Code"] = Totp.Now(user.TotpKey!) });

        Assert.Contains("locked", await lastTry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        var actions = await ActionsAsync(app, "user:sci");
        Assert.Equal(4, actions.Count(a => a == AuditActions.MfaFailed));
        Assert.Equal(2, actions.Count(a => a == AuditActions.SignInLockedOut));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_WrongPassword_IsRefusedAndAudited(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var client = app.CreateBrowserlessClient();

        var response = await WorkbenchApp.PostFormAsync(client, "/Account/SignIn", new() { ["UserName"] = "sci", ["Password"] = "wrong-password-123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("user name or password is wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([AuditActions.UserCreated, AuditActions.SignInFailed], await ActionsAsync(app, "user:sci"));
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex ManualKey();

    [GeneratedRegex("<li><code>[0-9A-Z]{5}-[0-9A-Z]{5}</code></li>")]
    private static partial Regex RecoveryCode();
}
