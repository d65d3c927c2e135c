using Microsoft.AspNetCore.Authorization;
using Workbench.Server.Identity;

namespace Workbench.Server.OpenId;

/// <summary>What a token may reach; part of every policy, so checked on every authorised request.</summary>
public sealed class ProjectTokenRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks <see cref="ProjectTokenRequirement"/> on every request. The browser session passes. Anything else (an
/// access token, a kernel credential) is least privilege, whatever the user's roles: a user's access token reaches
/// <c>GET /api/me</c> and the API under <c>/api/projects/ID</c> of the projects in its scope (<c>project:ID</c>) and
/// nothing else, so a token asked for <c>openid</c> reads no project and a token for project A never touches B; a
/// kernel token reaches its project's data, view and output submission only. A project-bound token also fails from
/// the day after the retention end or once its holder is no longer a member, though the token has not expired.
/// </summary>
internal sealed class ProjectTokenHandler(TokenPrincipals principals) : AuthorizationHandler<ProjectTokenRequirement>
{
    public const string TokenOutOfScope =
        "an access token reaches only GET /api/me and the API of the projects in its scope (project:ID); anything else needs the browser session";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectTokenRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return; // nobody signed in: the policy's authenticated-user requirement refuses (a challenge, not a reason)
        }
        if (context.User.IsInteractive(http))
        {
            context.Succeed(requirement);
            return;
        }
        var projects = context.User.FindAll(TokenPrincipals.ProjectClaim).Select(c => c.Value).ToList();
        if (context.User.HasClaim(c => c.Type == TokenPrincipals.KernelClaim))
        {
            // A kernel token (token exchange) reaches nothing but the data API of the one project it is bound to, and
            // the submission of that project's outputs for review (the only way out of the sandbox).
            if (!(projects.Count == 1 && http is not null && KernelMayCall(http.Request, projects[0])))
            {
                context.Fail(new AuthorizationFailureReason(this, "a kernel token may only read its project's data and submit its outputs"));
                return;
            }
        }
        else if (!(http is not null && TokenMayCall(http.Request, projects)))
        {
            context.Fail(new AuthorizationFailureReason(this, TokenOutOfScope));
            return;
        }
        var userId = context.User.UserId();
        foreach (var project in projects)
        {
            if (await principals.ProjectAccessEndAsync(project, userId, CancellationToken.None) is null)
            {
                context.Fail(new AuthorizationFailureReason(this, $"the token is bound to project {project}, whose retention has ended or which no longer lists you"));
                return;
            }
        }
        context.Succeed(requirement);
    }

    /// <summary>
    /// GET (and anything else) under <c>/api/projects/ID/data</c>; GET of exactly <c>/api/projects/ID/view</c> (the view
    /// file the kernel mounts); POST to exactly <c>/api/projects/ID/outputs</c>.
    /// </summary>
    internal static bool KernelMayCall(HttpRequest request, string projectId) =>
        request.Path.StartsWithSegments($"/api/projects/{projectId}/data", StringComparison.Ordinal)
        || (HttpMethods.IsGet(request.Method)
            && string.Equals(request.Path.Value?.TrimEnd('/'), $"/api/projects/{projectId}/view", StringComparison.Ordinal))
        || (HttpMethods.IsPost(request.Method)
            && string.Equals(request.Path.Value?.TrimEnd('/'), $"/api/projects/{projectId}/outputs", StringComparison.Ordinal));

    /// <summary><c>GET /api/me</c>, or anything under <c>/api/projects/ID</c> for a project the token is bound to.</summary>
    internal static bool TokenMayCall(HttpRequest request, IReadOnlyList<string> projectIds) =>
        (HttpMethods.IsGet(request.Method) && string.Equals(request.Path.Value?.TrimEnd('/'), "/api/me", StringComparison.Ordinal))
        || projectIds.Any(p => p.Length > 0 && request.Path.StartsWithSegments($"/api/projects/{p}", StringComparison.Ordinal));
}
