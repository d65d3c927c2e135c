using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workbench.Server.Identity;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The tokens the workbench gives the kernels of the notebook servers it starts: random, held only as SHA-256 here,
/// bound to one user and one project and marked as kernel tokens, so they reach exactly what a token-exchange kernel
/// token reaches (the project's data, its view, output submission) and are checked for membership and retention on
/// every request. Revoked when the notebook server stops; gone when the workbench restarts (so are its servers).
/// </summary>
public sealed class KernelCredentials
{
    public const string Prefix = "wbk_";

    /// <summary>
    /// Set by <see cref="KernelCredentialHandler"/> only, on the sign-in of a kernel of a notebook server this workbench
    /// started: the one caller the project's view is delivered to.
    /// </summary>
    public const string NotebookKernelClaim = "wb:notebook-kernel";

    /// <summary>Whether the caller is a kernel of one of this workbench's own notebook servers.</summary>
    public static bool IsNotebookKernel(ClaimsPrincipal caller) =>
        caller.Identities.Any(i => i.AuthenticationType == KernelCredentialHandler.SchemeName && i.HasClaim(NotebookKernelClaim, "true"));

    private readonly ConcurrentDictionary<string, ClaimsPrincipal> byHash = new(StringComparer.Ordinal);

    /// <summary>A new credential for <paramref name="principal"/> (a kernel identity); the secret is returned once.</summary>
    public string Issue(ClaimsPrincipal principal)
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        byHash[Hash(secret)] = principal;
        return secret;
    }

    public void Revoke(string secret) => byHash.TryRemove(Hash(secret), out _);

    internal ClaimsPrincipal? Find(string secret) => byHash.TryGetValue(Hash(secret), out var principal) ? principal : null;

    // The lookup is by hash, so no comparison of secrets happens at all (nothing to time).
    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Authenticates <c>Authorization: Bearer wbk_…</c> against <see cref="KernelCredentials"/>.
/// A locked account's credential is refused at once (the sweep then stops its server).</summary>
internal sealed class KernelCredentialHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KernelCredentials credentials,
    UserManager<WorkbenchUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "KernelCredential";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer " + KernelCredentials.Prefix, StringComparison.Ordinal)) return AuthenticateResult.NoResult();
        if (credentials.Find(header["Bearer ".Length..]) is not { } principal) return AuthenticateResult.Fail("the kernel credential is not (or no longer) valid");
        var user = await users.FindByIdAsync(principal.UserId());
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("the account behind the kernel credential is gone or locked");
        // A fresh identity of this scheme, marked as a notebook kernel: no token or cookie can carry that mark.
        var source = (ClaimsIdentity)principal.Identity!;
        var identity = new ClaimsIdentity(source.Claims, SchemeName, source.NameClaimType, source.RoleClaimType);
        identity.AddClaim(new Claim(KernelCredentials.NotebookKernelClaim, "true"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
