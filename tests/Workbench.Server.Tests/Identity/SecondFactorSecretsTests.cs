using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

/// <summary>TOTP keys and recovery codes are stored encrypted with Data Protection, whose key ring is owner-only in the data directory.</summary>
public class SecondFactorSecretsTests
{
    private static async Task<string?> StoredAsync(WorkbenchApp app, string userId, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == "[AspNetUserStore]" && t.Name == name).Select(t => t.Value).SingleOrDefaultAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuthenticatorKey_IsStoredEncrypted_AndSignInStillWorks(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);

        var stored = await StoredAsync(app, user.Id, "AuthenticatorKey");
        var client = await app.SignInAsync(user); // asserts the way through password and TOTP

        Assert.NotNull(stored);
        Assert.StartsWith(ProtectedUserStore.Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(user.TotpKey!, stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ProtectStoredSecrets_PlainRowsOfAnOlderDatabase_AreEncryptedAndStillSignIn()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
            var row = await db.UserTokens.SingleAsync(t => t.UserId == user.Id && t.Name == "AuthenticatorKey");
            row.Value = user.TotpKey; // as the server stored it before
            db.UserTokens.Add(new() { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "AAAAA-BBBBB;CCCCC-DDDDD" });
            await db.SaveChangesAsync();
        }

        int changed;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            changed = await ProtectedUserStore.ProtectStoredSecretsAsync(scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>(),
                scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), CancellationToken.None);
        }
        var key = await StoredAsync(app, user.Id, "AuthenticatorKey");
        var codes = await StoredAsync(app, user.Id, "RecoveryCodes");
        await app.SignInAsync(user);

        Assert.Equal(2, changed);
        Assert.StartsWith(ProtectedUserStore.Prefix, key, StringComparison.Ordinal);
        Assert.DoesNotContain(user.TotpKey!, key!, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(ProtectedUserStore.Prefix, codes, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAA-BBBBB", codes!, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task KeyRing_LivesInTheDataDirectory_OwnerOnly()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist); // the first protection creates the key

        var keyRing = Path.Combine(app.Database.Directory, "keys");

        Assert.NotEmpty(Directory.GetFiles(keyRing, "key-*.xml"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keyRing));
    }
}
