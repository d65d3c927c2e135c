using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;

namespace Workbench.Server.Identity;

/// <summary>
/// Identity's user store with the second-factor secrets (the TOTP authenticator key and the recovery codes) kept
/// encrypted under ASP.NET Core Data Protection instead of in plain text: a copy of the database alone no longer
/// yields anyone's second factor. The key ring lives in the data directory, owner-only (see
/// <see cref="IdentitySetup"/>). A plain value is never used: <see cref="ProtectStoredSecretsAsync"/> encrypts
/// the rows of an older database at start.
/// </summary>
internal sealed class ProtectedUserStore(WorkbenchDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<WorkbenchUser, WorkbenchDbContext>(context, describer)
{
    /// <summary>Identity's own login provider name for the tokens it stores about a user.</summary>
    public const string StoreProvider = "[AspNetUserStore]";

    /// <summary>Marks a protected value (Data Protection output is base64url, so no plain key or code starts so).</summary>
    public const string Prefix = "dp1:";

    private static readonly string[] SecretNames = ["AuthenticatorKey", "RecoveryCodes"];

    private readonly IDataProtector protector = Protector(protection);

    public override Task SetTokenAsync(WorkbenchUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, IsSecret(loginProvider, name) && value is not null ? Protect(protector, value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(WorkbenchUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (value is null || !IsSecret(loginProvider, name)) return value;
        return value.StartsWith(Prefix, StringComparison.Ordinal)
            ? protector.Unprotect(value[Prefix.Length..])
            : throw new InvalidOperationException($"the {name} of user {user?.Id} is stored in plain text; the server encrypts such rows at start: restart it");
    }

    /// <summary>Encrypts every second-factor secret still stored in plain text; returns how many rows it changed.</summary>
    public static async Task<int> ProtectStoredSecretsAsync(WorkbenchDbContext db, IDataProtectionProvider protection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var protector = Protector(protection);
        var plain = await db.UserTokens
            .Where(t => t.LoginProvider == StoreProvider && SecretNames.Contains(t.Name) && t.Value != null && !t.Value.StartsWith(Prefix))
            .ToListAsync(ct);
        foreach (var token in plain)
        {
            token.Value = Protect(protector, token.Value!);
        }
        await db.SaveChangesAsync(ct);
        return plain.Count;
    }

    /// <summary>The plain value of a stored secret (protected, or plain in a database not yet migrated).</summary>
    internal static string Reveal(IDataProtectionProvider protection, string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal) ? Protector(protection).Unprotect(stored[Prefix.Length..]) : stored;

    private static IDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("Workbench.Identity.SecondFactorSecrets.v1");

    private static string Protect(IDataProtector protector, string value) => Prefix + protector.Protect(value);

    private static bool IsSecret(string loginProvider, string name) =>
        loginProvider == StoreProvider && SecretNames.Contains(name, StringComparer.Ordinal);
}
