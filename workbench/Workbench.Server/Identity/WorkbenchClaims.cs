using System.Security.Claims;

namespace Workbench.Server.Identity;

/// <summary>The claims Workbench puts in a sign-in, and how to read them back.</summary>
public static class WorkbenchClaims
{
    /// <summary>A role held in the user's organisation, such as <c>Admin</c>.</summary>
    public const string Role = "wb:role";

    /// <summary>The user's organisation code.</summary>
    public const string Organisation = "wb:org";

    /// <summary>How the user authenticated (RFC 8176); <c>mfa</c> once the second factor was checked.</summary>
    public const string AuthenticationMethod = "amr";

    public const string Mfa = "mfa";

    /// <summary>When the second factor was last checked, in Unix seconds (OIDC's <c>auth_time</c>).</summary>
    public const string MfaAt = "auth_time";

    public static DateTimeOffset? MfaTime(ClaimsPrincipal user) =>
        long.TryParse(user?.FindFirstValue(MfaAt), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>The user id: from the sign-in cookie, or the <c>sub</c> of an access token.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("the caller is not signed in");

    /// <summary>The user name: from the sign-in cookie, or the <c>name</c> of an access token.</summary>
    public static string UserName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("name") ?? "";

    public static bool HasRole(this ClaimsPrincipal user, WorkbenchRole role) =>
        user.HasClaim(Role, role.ToString());

    /// <summary>
    /// A person at the browser: signed in with the sign-in cookie (Identity's application scheme) on a request that
    /// carries no Authorization header. Access tokens and kernel credentials are never interactive, so whatever needs
    /// a fresh second factor (admin changes, approvals) is out of their reach.
    /// </summary>
    public static bool IsInteractive(this ClaimsPrincipal user, HttpContext? http) =>
        user?.Identity is { IsAuthenticated: true } identity
        && string.Equals(identity.AuthenticationType, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, StringComparison.Ordinal)
        && (http is null || http.Request.Headers.Authorization.Count == 0);
}
