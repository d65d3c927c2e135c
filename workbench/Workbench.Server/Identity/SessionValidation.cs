using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Audit;

namespace Workbench.Server.Identity;

/// <summary>
/// Validates the sign-in cookie on every request, in place of Identity's interval-based security-stamp validator:
/// a locked, deleted or reset account (security stamp changed: password, authenticator, lock) loses its session at
/// once (signed out, audited as <see cref="SessionEnded"/>; the API answers 401 and a page sends to sign-in), and a
/// session whose organisation roles differ from the database is re-issued with the current roles, keeping when and
/// how its second factor was passed. Costs one query per request (<see cref="AccountCheck"/>).
/// </summary>
internal static class SessionValidation
{
    /// <summary>The audit action of a session ended by the check. Stored value; frozen.</summary>
    public const string SessionEnded = "session.ended";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal is null || userId is null)
        {
            context.RejectPrincipal();
            return;
        }
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        var (state, refusal) = await services.GetRequiredService<AccountCheck>().FindActiveAsync(userId, ct);
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (state is not null && !SameStamp(principal.FindFirstValue(stampClaim), state.User.SecurityStamp))
        {
            refusal = "the account changed (locked, password or authenticator reset): sign in again";
        }
        if (refusal is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            await services.GetRequiredService<AuditTrail>().SaveChangesAsync([AuditEvent.Create(userId, SessionEnded,
                $"user:{principal.UserName()}", new { reason = refusal, path = context.Request.Path.Value })], ct);
            return;
        }
        var held = principal.FindAll(WorkbenchClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (!held.SetEquals(state!.Roles.Select(r => r.ToString())))
        {
            var fresh = await services.GetRequiredService<SignInManager<WorkbenchUser>>().CreateUserPrincipalAsync(state.User);
            var identity = (ClaimsIdentity)fresh.Identity!;
            // How and when this session passed its factors is not in the database: keep it from the old cookie.
            foreach (var claim in principal.Claims.Where(c => c.Type is WorkbenchClaims.AuthenticationMethod or WorkbenchClaims.MfaAt))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
            // A renewed cookie would otherwise live a full lifetime from now: keep the original end.
            if (context.Properties.IssuedUtc is { } issued && context.Properties.ExpiresUtc is { } expires)
            {
                context.Properties.ExpiresUtc = expires - (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow().Subtract(issued);
            }
        }
    }

    private static bool SameStamp(string? held, string? current) =>
        held is not null && current is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(held), Encoding.UTF8.GetBytes(current));
}
