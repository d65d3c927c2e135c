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

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("the caller is not signed in");

    public static bool HasRole(this ClaimsPrincipal user, WorkbenchRole role) =>
        user.HasClaim(Role, role.ToString());
}
