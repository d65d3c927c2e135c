using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Audit;

namespace Workbench.Server.Identity;

/// <summary>
/// When a page is refused only because the MFA sign-in is no longer recent (<see cref="RecentMfaRequirement"/>), the
/// browser is sent to <c>/Account/StepUp</c> to confirm with an authenticator code, and back afterwards. An API call
/// refused with a reason (a stale session for an admin change, a token outside its scope or past its project's
/// retention, a kernel token outside its project) gets a 403 ProblemDetails that says it, and the refusal is audited
/// (<see cref="AccessRefused"/>). Every other refusal keeps the default behaviour (a status, or the denied page).
/// </summary>
internal sealed class StepUpRedirect(IOptions<RecentMfaOptions> recentMfa) : IAuthorizationMiddlewareResultHandler
{
    public const string Page = "/Account/StepUp";

    /// <summary>The audit action of an API call refused with a reason. Stored value; frozen.</summary>
    public const string AccessRefused = "access.refused";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var failed = authorizeResult.AuthorizationFailure;
        var onlyNotRecent = authorizeResult.Forbidden && failed is not null && !failed.FailCalled
            && failed.FailedRequirements.Any() && failed.FailedRequirements.All(r => r is RecentMfaRequirement);
        var api = context.Request.Path.StartsWithSegments("/api");
        if (onlyNotRecent && !api && !context.Request.Path.StartsWithSegments("/connect")
            && context.User.HasClaim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa)
            && context.User.IsInteractive(context)) // a bearer token can never step up
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{Page}?ReturnUrl={Uri.EscapeDataString(back)}");
            return;
        }
        if (authorizeResult.Forbidden && failed is not null && api)
        {
            var reasons = onlyNotRecent
                ? [RecentMfaRequirement.NotRecent(recentMfa.Value.MaxAge)]
                : failed.FailureReasons.Select(r => r.Message).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (reasons.Count > 0)
            {
                var reason = string.Join("; ", reasons);
                var user = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.User.FindFirst("sub")?.Value ?? "anonymous";
                await context.RequestServices.GetRequiredService<AuditTrail>().SaveChangesAsync([AuditEvent.Create(user, AccessRefused, $"user:{context.User.UserName()}",
                    new { method = context.Request.Method, path = context.Request.Path.Value, reason })], context.RequestAborted);
                await Results.Problem(reason, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context);
                return;
            }
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
