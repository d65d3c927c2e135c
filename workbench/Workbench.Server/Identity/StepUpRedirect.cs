using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Workbench.Server.Identity;

/// <summary>
/// When a page is refused only because the MFA sign-in is no longer recent (<see cref="RecentMfaRequirement"/>), the
/// browser is sent to <c>/Account/StepUp</c> to confirm with an authenticator code, and back afterwards. An API call
/// refused with a reason (a project token past its retention, a kernel token outside its project) gets a 403
/// ProblemDetails that says it; every other refusal keeps the default behaviour (a status, or the denied page).
/// </summary>
internal sealed class StepUpRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string Page = "/Account/StepUp";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var failed = authorizeResult.AuthorizationFailure;
        if (authorizeResult.Forbidden && failed is not null && !failed.FailCalled
            && failed.FailedRequirements.Any() && failed.FailedRequirements.All(r => r is RecentMfaRequirement)
            && context.User.HasClaim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa)
            && context.Request.Headers.Authorization.Count == 0 // a bearer token can never step up
            && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/connect"))
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{Page}?ReturnUrl={Uri.EscapeDataString(back)}");
            return Task.CompletedTask;
        }
        if (authorizeResult.Forbidden && failed is not null && context.Request.Path.StartsWithSegments("/api")
            && failed.FailureReasons.Select(r => r.Message).Where(m => m.Length > 0).ToList() is { Count: > 0 } reasons)
        {
            return Results.Problem(string.Join("; ", reasons), statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
