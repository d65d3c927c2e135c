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

/// <summary>
/// The caller passed MFA interactively (the sign-in cookie, never a token) within <see cref="RecentMfaOptions.MaxAge"/>.
/// With <see cref="ChangesOnly"/>, a request that only reads (GET, HEAD, OPTIONS) passes without it: the Admin policy
/// uses that, so every administrative change needs a fresh second factor however the endpoint was declared.
/// </summary>
public sealed class RecentMfaRequirement(bool changesOnly = false) : IAuthorizationRequirement
{
    public bool ChangesOnly { get; } = changesOnly;

    /// <summary>Why a bearer caller is refused, for the ProblemDetails.</summary>
    public const string NotInteractive =
        "this change needs a person signed in at the browser who confirmed their second factor recently; access tokens and kernel credentials cannot make it";

    /// <summary>Why a stale session is refused (the pages send it to the step-up page instead).</summary>
    public static string NotRecent(TimeSpan maxAge) =>
        $"this change needs a second factor confirmed within the last {maxAge.TotalMinutes:0} minutes: confirm your authenticator code at {StepUpRedirect.Page} and try again";
}

/// <summary>
/// Reads <see cref="WorkbenchClaims.MfaAt"/>, stamped into the sign-in cookie when the second factor was checked and
/// never renewed by the per-request session check. Only an interactive session counts
/// (<see cref="WorkbenchClaims.IsInteractive"/>): a bearer token is refused with a reason even if it carried such a
/// claim. A stale session fails without a reason, so that a page can send it to the step-up page. Time comes from
/// the injected clock.
/// </summary>
internal sealed class RecentMfaHandler(TimeProvider time, IOptions<RecentMfaOptions> options) : AuthorizationHandler<RecentMfaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecentMfaRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (requirement.ChangesOnly && http is not null
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask; // nobody signed in: a challenge, not a reason
        }
        if (!context.User.IsInteractive(http))
        {
            context.Fail(new AuthorizationFailureReason(this, RecentMfaRequirement.NotInteractive));
            return Task.CompletedTask;
        }
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
