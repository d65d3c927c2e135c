namespace Workbench.Server.OpenId;

/// <summary>
/// The OpenID Connect provider: token lifetimes, where its keys live and the clients it knows. Clients are seeded from
/// this configuration at start-up; a client with a secret is confidential, one without is public and must use PKCE.
/// </summary>
public sealed class OpenIdOptions
{
    public const string Section = "OpenId";

    /// <summary>Access tokens are reference tokens (revocable, looked up on every use); this bounds them further.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a kernel token from the token exchange lives at most (never past the project's retention).</summary>
    public TimeSpan KernelTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Folder of the signing and encryption keys; default <c>openid</c> in the data directory.</summary>
    public string? KeyDirectory { get; set; }

    public List<OpenIdClient> Clients { get; } = [];

    /// <summary>
    /// Serves the OpenID endpoints over plain http, as the Development demo does: only for a server that listens on
    /// loopback alone (a host's own kernels and notebook servers are its only clients). Off by default.
    /// </summary>
    public bool AllowHttpOnLoopback { get; set; }

    internal static bool IsValid(OpenIdOptions options) =>
        options.AccessTokenLifetime > TimeSpan.Zero && options.RefreshTokenLifetime > TimeSpan.Zero
        && options.KernelTokenLifetime > TimeSpan.Zero
        && options.Clients.All(c => !string.IsNullOrWhiteSpace(c.ClientId) && (c.AuthorizationCode || c.DeviceCode)
            && (!c.AuthorizationCode || c.RedirectUris.Count > 0)
            && c.RedirectUris.All(u => Uri.TryCreate(u, UriKind.Absolute, out _)))
        && options.Clients.Select(c => c.ClientId).Distinct(StringComparer.Ordinal).Count() == options.Clients.Count;
}

/// <summary>One registered client application.</summary>
public sealed class OpenIdClient
{
    public string ClientId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Empty for a public client (a browser app, the command line, a kernel); from secret configuration otherwise.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>May use the authorization code flow with PKCE (needs <see cref="RedirectUris"/>).</summary>
    public bool AuthorizationCode { get; set; }

    /// <summary>May use the device authorization flow (command line, kernels).</summary>
    public bool DeviceCode { get; set; }

    /// <summary>May exchange a user's project access token for a short-lived kernel token (RFC 8693).</summary>
    public bool TokenExchange { get; set; }

    public List<string> RedirectUris { get; } = [];
}
