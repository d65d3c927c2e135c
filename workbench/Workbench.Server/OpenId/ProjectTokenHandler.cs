using Microsoft.AspNetCore.Authorization;
using Workbench.Server.Identity;

namespace Workbench.Server.OpenId;

/// <summary>A token bound to projects works only while the caller is a member and the projects' retention lasts.</summary>
public sealed class ProjectTokenRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks <see cref="ProjectTokenRequirement"/> on every request: a sign-in without project claims (the cookie, a
/// general token) passes; a project-bound token fails from the day after the retention end or once its holder is no
/// longer a member, even though the token itself has not expired.
/// </summary>
internal sealed class ProjectTokenHandler(TokenPrincipals principals) : AuthorizationHandler<ProjectTokenRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectTokenRequirement requirement)
    {
        var projects = context.User.FindAll(TokenPrincipals.ProjectClaim).Select(c => c.Value).ToList();
        if (projects.Count == 0)
        {
            context.Succeed(requirement);
            return;
        }
        // A kernel token (token exchange) reaches nothing but the data API of the one project it is bound to, and
        // the submission of that project's outputs for review (the only way out of the sandbox).
        if (context.User.HasClaim(c => c.Type == TokenPrincipals.KernelClaim)
            && !(projects.Count == 1 && context.Resource is HttpContext http && KernelMayCall(http.Request, projects[0])))
        {
            context.Fail(new AuthorizationFailureReason(this, "a kernel token may only read its project's data and submit its outputs"));
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
}
