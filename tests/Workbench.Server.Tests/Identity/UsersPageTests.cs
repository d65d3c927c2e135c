using System.Net;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

public class UsersPageTests
{
    [Fact]
    public async Task CreateAndLock_ThroughThePage_ShowsTheAccountLockedAwaitingEnrolment()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));

        var created = await WorkbenchApp.PostFormAsync(admin, "/Admin/Users?handler=Create", new()
        {
            ["UserName"] = "p.devries", ["DisplayName"] = "Pieter de Vries", ["Email"] = "p.devries@cbs.test", ["OrganisationId"] = "CBS",
            ["Roles"] = "OutputChecker", ["InitialPassword"] = WorkbenchApp.Password,
        });
        var afterCreate = await admin.GetStringAsync("/Admin/Users");
        var shared = await WorkbenchApp.PostFormAsync(admin, "/Admin/Users?handler=Create", new()
        {
            ["UserName"] = "team", ["DisplayName"] = "Team", ["Email"] = "team@cbs.test", ["OrganisationId"] = "CBS",
            ["Roles"] = "DataScientist", ["InitialPassword"] = WorkbenchApp.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Account p.devries created", afterCreate, StringComparison.Ordinal);
        Assert.Matches(@"<td>p\.devries</td>[\s\S]*?OutputChecker[\s\S]*?at first sign-in[\s\S]*?active", afterCreate);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Contains("looks like a shared account", await shared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotAnAdmin_IsDenied()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var auditor = await app.SignInAsync(await app.CreateUserAsync("auditor", "CBS", WorkbenchRole.Auditor));

        var response = await auditor.GetAsync("/Admin/Users");
        var audit = await auditor.GetAsync("/Audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode); // an Auditor reads the audit log
    }
}
