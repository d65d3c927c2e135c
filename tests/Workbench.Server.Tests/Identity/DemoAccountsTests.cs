using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

/// <summary>Demo accounts (public passwords and TOTP keys) exist in Development only; elsewhere the server refuses to start on them.</summary>
public class DemoAccountsTests
{
    [Fact]
    public async Task Start_ProductionOnTheDataDirectoryOfADevelopmentRun_IsRefusedNamingTheAccounts()
    {
        var home = Directory.CreateTempSubdirectory("workbench-demo-accounts-");
        try
        {
            string[] data = [$"--Database:DataDirectory={home.FullName}"];
            await using (var development = WorkbenchServer.Build(WorkbenchServer.HostedOptions("Development", data)))
            {
                await development.PrepareAsync(); // seeds the demo users
            }
            await using var production = WorkbenchServer.Build(WorkbenchServer.HostedOptions("Production",
                [.. data, $"--Audit:CheckpointKey={WorkbenchApp.CheckpointKeyBase64}", $"--Releases:ReceiptKey={WorkbenchApp.ReceiptKeyBase64}"]));

            var refused = await Assert.ThrowsAsync<DemoAccountsFoundException>(production.PrepareAsync);

            Assert.Contains("refuses to start in the Production environment", refused.Message, StringComparison.Ordinal);
            Assert.Contains("demo account(s) admin, chair, checker, checker2, requester, scientist, steering", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            // The server sealed its audit journal append-only where it may (root): unseal it to clean up.
            Workbench.Audit.AppendOnlyFile.Unseal(Path.Combine(home.FullName, Workbench.Server.Audit.AuditOptions.DefaultJournalName));
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RefuseOutsideDevelopment_DemoKeyUnderAnotherName_IsRefused_CleanDatabasePasses()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite); // the Testing environment
        await using var scope = app.Services.CreateAsyncScope();
        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);

        await DemoAccounts.RefuseOutsideDevelopmentAsync(scope.ServiceProvider, environment, CancellationToken.None); // no demo account: passes
        await scope.ServiceProvider.GetRequiredService<UserProvisioning>().CreateAsync(new NewUser(
            "anna.jansen", "anna@cbs.test", "Anna Jansen", "CBS", [WorkbenchRole.Admin], WorkbenchApp.Password, "JBSWY3DPEHPK3PXPADMINDEMO234567A"), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<DemoAccountsFoundException>(() =>
            DemoAccounts.RefuseOutsideDevelopmentAsync(scope.ServiceProvider, environment, CancellationToken.None));

        Assert.Contains("demo account(s) anna.jansen", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Testing environment", refused.Message, StringComparison.Ordinal);
    }
}
