namespace Workbench.Server.Identity;

/// <summary>
/// Demo accounts, one per role, seeded in Development only. Their passwords and TOTP keys live in
/// appsettings.Development.json so the README can tell people how to sign in; they are never used elsewhere.
/// </summary>
public sealed class DemoUsersOptions
{
    public const string Section = "DemoUsers";

    public string Password { get; set; } = "";

    public List<DemoUser> Users { get; } = [];
}

public sealed class DemoUser
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string OrganisationId { get; set; } = "";

    public List<WorkbenchRole> Roles { get; } = [];

    /// <summary>Base32 TOTP key, so the account can be enrolled in an authenticator app from the README.</summary>
    public string TotpKey { get; set; } = "";

    internal NewUser ToRequest(string password) =>
        new(UserName, $"{UserName}@demo.workbench.invalid", DisplayName, OrganisationId, Roles, password, TotpKey);
}
