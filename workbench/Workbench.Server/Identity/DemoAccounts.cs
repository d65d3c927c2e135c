using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;

namespace Workbench.Server.Identity;

/// <summary>The server was asked to start outside Development on a database that holds demo accounts.</summary>
public sealed class DemoAccountsFoundException(string message) : InvalidOperationException(message);

/// <summary>
/// The demo accounts have public passwords and authenticator keys (README, <c>appsettings.Development.json</c>), so
/// they may exist in Development only. Outside it the server refuses to start on a database that holds any: an
/// account with the demo e-mail domain, a demo user name, or a demo authenticator key (whatever its name).
/// </summary>
public static class DemoAccounts
{
    /// <summary>The e-mail domain the seeding gives every demo account (<c>.invalid</c>: it can never be real).</summary>
    public const string EmailDomain = "@demo.workbench.invalid";

    /// <exception cref="DemoAccountsFoundException">Outside Development, when the database holds a demo account.</exception>
    public static async Task RefuseOutsideDevelopmentAsync(IServiceProvider services, IHostEnvironment environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment()) return;
        var demo = Known(environment);
        var names = demo.Users.Select(u => u.UserName).Where(n => n.Length > 0).ToList();
        var keys = demo.Users.Select(u => u.TotpKey).Where(k => k.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var db = services.GetRequiredService<WorkbenchDbContext>();
        var found = await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(EmailDomain.ToUpperInvariant())) || names.Contains(u.UserName!))
            .Select(u => u.UserName!).ToListAsync(ct);
        // A demo key under another name is as public as the account it came from.
        var protector = services.GetRequiredService<IDataProtectionProvider>();
        var stored = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == ProtectedUserStore.StoreProvider && t.Name == "AuthenticatorKey" && t.Value != null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { u.UserName, t.Value }).ToListAsync(ct);
        found.AddRange(stored.Where(s => keys.Contains(RevealOrEmpty(protector, s.Value!))).Select(s => s.UserName!));
        if (found.Count > 0)
        {
            throw new DemoAccountsFoundException(
                $"Workbench refuses to start in the {environment.EnvironmentName} environment: the database holds demo account(s) "
                + $"{string.Join(", ", found.Distinct().Order(StringComparer.Ordinal))}, whose passwords and authenticator keys are public "
                + "(README, appsettings.Development.json). Demo accounts exist in Development only: delete them, or start from a database "
                + "that never ran in Development.");
        }
    }

    // A key protected under another key ring cannot be compared (nor used): the names and e-mail domain still count.
    private static string RevealOrEmpty(IDataProtectionProvider protector, string stored)
    {
        try
        {
            return ProtectedUserStore.Reveal(protector, stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return "";
        }
    }

    /// <summary>The demo users as appsettings.Development.json names them, read whatever the environment.</summary>
    private static DemoUsersOptions Known(IHostEnvironment environment)
    {
        var development = new ConfigurationBuilder().SetFileProvider(environment.ContentRootFileProvider)
            .AddJsonFile("appsettings.Development.json", optional: true, reloadOnChange: false).Build();
        var options = new DemoUsersOptions();
        development.GetSection(DemoUsersOptions.Section).Bind(options);
        return options;
    }
}
