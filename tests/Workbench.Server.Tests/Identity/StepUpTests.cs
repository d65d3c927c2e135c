using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

/// <summary>A page behind RecentMfa sends an older session to confirm with an authenticator code, then back.</summary>
public class StepUpTests
{
    [Fact]
    public async Task RecentMfaPage_OldSession_StepsUpWithACodeAndReturns()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var admin = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode); // fresh: no step-up
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        var stale = await admin.GetAsync("/Admin/Users?tab=all");
        var wrong = await WorkbenchApp.PostFormAsync(admin, "/Account/StepUp?ReturnUrl=%2FAdmin%2FUsers", new() { ["Code"] = "000000", ["ReturnUrl"] = "/Admin/Users" });
        var stillStale = await admin.GetAsync("/Admin/Users");
        var confirmed = await WorkbenchApp.PostFormAsync(admin, "/Account/StepUp?ReturnUrl=%2FAdmin%2FUsers", new() { ["Code"] = Totp.Now(user.TotpKey!), ["ReturnUrl"] = "/Admin/Users" });
        var after = await admin.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/Account/StepUp?ReturnUrl=%2FAdmin%2FUsers%3Ftab%3Dall", stale.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code is not valid", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stillStale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/Admin/Users", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.MfaConfirmed && e.Actor == user.Id));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.MfaFailed && e.Actor == user.Id));
    }

    [Fact]
    public async Task RecentMfaPage_NotAnAdmin_IsDeniedNotSteppedUp()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var scientist = await app.SignInAsync(await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist));
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await scientist.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
