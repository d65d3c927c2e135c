using System.Security.Claims;

namespace Workbench.Server.Identity;

/// <summary>Who the caller is, as the server sees it; <c>MfaAt</c> is when this sign-in passed the second factor (null for access tokens).</summary>
public sealed record CurrentUser(string UserId, string UserName, string Organisation, IReadOnlyList<string> Roles, DateTimeOffset? MfaAt);

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext http) => new CurrentUser(
                http.User.UserId(), http.User.UserName(),
                http.User.FindFirstValue(WorkbenchClaims.Organisation) ?? "",
                [.. http.User.FindAll(WorkbenchClaims.Role).Select(c => c.Value)], WorkbenchClaims.MfaTime(http.User)))
            .WithTags("Identity")
            .WithSummary("The signed-in user, their organisation and roles");
        return app;
    }
}
