using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Workbench.Server.Identity;

/// <summary>How recent the second factor must be for sensitive actions (such as approving an output release).</summary>
public sealed class RecentMfaOptions
{
    public const string Section = "RecentMfa";

    /// <summary>The longest time since the MFA sign-in that still counts as recent.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>The caller passed MFA interactively within <see cref="RecentMfaOptions.MaxAge"/>.</summary>
public sealed class RecentMfaRequirement : IAuthorizationRequirement;

/// <summary>
/// Reads <see cref="WorkbenchClaims.MfaAt"/>, stamped into the sign-in cookie when the second factor was checked and
/// never renewed by the periodic security-stamp refresh. Access tokens carry no such claim, so sensitive actions need an
/// interactive, fresh sign-in. Time comes from the injected clock.
/// </summary>
internal sealed class RecentMfaHandler(TimeProvider time, IOptions<RecentMfaOptions> options) : AuthorizationHandler<RecentMfaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecentMfaRequirement requirement)
    {
        if (WorkbenchClaims.MfaTime(context.User) is { } at)
        {
            var age = time.GetUtcNow() - at;
            if (age >= TimeSpan.Zero && age <= options.Value.MaxAge)
            {
                context.Succeed(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
