using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Workbench.Server.OpenId;

/// <summary>A token request the server refuses, with the OAuth error code and a sentence for the client.</summary>
public sealed class TokenRequestRefusedException(string error, string description) : Exception(description)
{
    public string Error { get; } = error;
}

/// <summary>
/// Builds the identity that tokens carry, from the database every time (at authorisation and at each refresh), and
/// decides which scopes a user may have. Scopes are checked here, per user, rather than by static registration:
/// <c>openid</c>, <c>profile</c> and <c>offline_access</c>, and <c>project:ID</c> for a project the user is a member
/// of whose retention period has not ended. A project-bound token lives no longer than the project's retention.
/// Tokens hold no organisation roles (least privilege: a token is for a project's data and outputs, see
/// <see cref="ProjectTokenHandler"/>).
/// </summary>
public sealed class TokenPrincipals(
    UserManager<WorkbenchUser> users, WorkbenchDbContext db, TimeProvider time, IOptions<OpenIdOptions> options)
{
    public const string ProjectScopePrefix = "project:";

    /// <summary>The project a token is bound to; checked on every use (see <see cref="ProjectTokenHandler"/>).</summary>
    public const string ProjectClaim = "wb:project";

    /// <summary>Marks a kernel token from the token exchange: it may call only its project's data API.</summary>
    public const string KernelClaim = "wb:kernel";

    private const string SecurityStampClaim = "wb:stamp";

    private static readonly HashSet<string> StandardScopes = [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess];

    public async Task<ClaimsPrincipal> CreateAsync(WorkbenchUser user, IEnumerable<string> requestedScopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scopes = requestedScopes.Distinct(StringComparer.Ordinal).ToList();
        var projectEnds = new List<DateTimeOffset>();
        var identity = new ClaimsIdentity("Workbench", Claims.Name, WorkbenchClaims.Role);
        foreach (var scope in scopes.Where(s => !StandardScopes.Contains(s)))
        {
            if (!scope.StartsWith(ProjectScopePrefix, StringComparison.Ordinal))
            {
                throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidScope, $"unknown scope '{scope}'");
            }
            var projectId = scope[ProjectScopePrefix.Length..];
            projectEnds.Add(await ProjectAccessEndAsync(projectId, user.Id, ct)
                ?? throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidScope,
                    $"'{scope}': you are not a member of that project, or its retention period has ended"));
            identity.AddClaim(new Claim(ProjectClaim, projectId));
        }

        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(WorkbenchClaims.Organisation, user.OrganisationId)
            .SetClaim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa)
            .SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(user));
        // No organisation roles: a token carries what its scopes name and nothing more, so no role policy (Admin,
        // OutputChecker, Steering...) ever admits a token; that work is done in the browser with the second factor.
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            SecurityStampClaim => [], // kept in codes and refresh tokens only, to notice a reset account
            Claims.Name or WorkbenchClaims.Organisation when scopes.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });

        var principal = new ClaimsPrincipal(identity);
        if (projectEnds.Count > 0)
        {
            var left = projectEnds.Min() - time.GetUtcNow();
            principal.SetAccessTokenLifetime(Min(options.Value.AccessTokenLifetime, left));
            principal.SetRefreshTokenLifetime(Min(options.Value.RefreshTokenLifetime, left));
        }
        return principal;
    }

    /// <summary>
    /// The identity of a kernel token (RFC 8693 token exchange): the one project of <paramref name="projectId"/>, no
    /// refresh (no <c>offline_access</c>), marked with <see cref="KernelClaim"/> so that it reaches only the project's
    /// data API, living <see cref="OpenIdOptions.KernelTokenLifetime"/> at most and never past the retention end.
    /// </summary>
    /// <exception cref="TokenRequestRefusedException">When the user is not a member or the retention has ended.</exception>
    public async Task<ClaimsPrincipal> CreateKernelAsync(WorkbenchUser user, string projectId, CancellationToken ct)
    {
        var principal = await CreateAsync(user, [ProjectScopePrefix + projectId], ct);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.SetClaim(KernelClaim, "true");
        identity.SetDestinations(claim => claim.Type switch
        {
            SecurityStampClaim => [],
            _ => [Destinations.AccessToken],
        });
        var lifetime = principal.GetAccessTokenLifetime() ?? options.Value.AccessTokenLifetime;
        principal.SetAccessTokenLifetime(Min(lifetime, options.Value.KernelTokenLifetime));
        principal.SetRefreshTokenLifetime(null);
        return principal;
    }

    /// <summary>The user behind an access token presented for exchange, refused if gone or locked.</summary>
    public async Task<WorkbenchUser> UserOfAccessTokenAsync(ClaimsPrincipal token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var user = token.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidGrant, "the account no longer exists or is locked");
        }
        return user;
    }

    /// <summary>The user behind a code, device code or refresh token, refused if gone, locked or reset since.</summary>
    public async Task<WorkbenchUser> UserOfGrantAsync(ClaimsPrincipal grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var user = grant.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidGrant, "the account no longer exists or is locked");
        }
        var granted = Encoding.UTF8.GetBytes(grant.GetClaim(SecurityStampClaim) ?? "");
        var current = Encoding.UTF8.GetBytes(await users.GetSecurityStampAsync(user) ?? "");
        if (!CryptographicOperations.FixedTimeEquals(granted, current))
        {
            throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidGrant, "the account changed since this grant (password or authenticator reset): sign in again");
        }
        return user;
    }

    /// <summary>When the user's access to the project ends (end of the retention day, UTC), or null if it has.</summary>
    internal async Task<DateTimeOffset?> ProjectAccessEndAsync(string projectId, string userId, CancellationToken ct)
    {
        var version = await db.CurrentVersionsOf(db.Projects.Where(p => p.Id == projectId)).SingleOrDefaultAsync(ct);
        if (version is null || !version.Definition.Members.Any(m => m.UserId == userId))
        {
            return null;
        }
        var end = new DateTimeOffset(version.Definition.RetentionEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return end > time.GetUtcNow() ? end : null;
    }

    /// <summary>
    /// Why a project-bound token may not be used for <paramref name="projectId"/> (it is bound to other projects), or
    /// null when it may, or when the caller is not using a project-bound token.
    /// </summary>
    public static string? ProjectBindingRefusal(ClaimsPrincipal caller, string projectId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var bound = caller.FindAll(ProjectClaim).Select(c => c.Value).ToList();
        return bound.Count == 0 || bound.Contains(projectId, StringComparer.Ordinal)
            ? null
            : $"this token is bound to project {string.Join(", ", bound)}, not {projectId}";
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
