namespace Workbench.Server.Identity;

public static class UsersApi
{
    /// <summary>
    /// Account administration, for Admins only; every change is audited (see <see cref="UserAdministration"/>). Like
    /// the page <c>/Admin/Users</c>, every operation (reading too: it lists people and their e-mail addresses) needs
    /// the browser session with a second factor confirmed within <see cref="RecentMfaOptions.MaxAge"/>; a stale session
    /// gets a 403 that names the step-up page, and an access token never reaches it.
    /// </summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin, Policies.RecentMfa);

        users.MapGet("/", async (UserAdministration admin, CancellationToken ct) => await admin.ListAsync(ct))
            .WithSummary("Every account with its organisation, roles, MFA enrolment and lock (Admin)");

        users.MapGet("/{id}", async (string id, UserAdministration admin, CancellationToken ct) => await admin.GetAsync(id, ct))
            .WithSummary("One account (Admin)");

        users.MapPost("/", async (CreateUserRequest request, UserAdministration admin, HttpContext http, CancellationToken ct) =>
            {
                var user = await admin.CreateAsync(request, http.User, ct);
                return TypedResults.Created($"/api/users/{user.Id}", user);
            })
            .WithSummary("Create a personal account in an organisation with roles; the person enrols MFA at first sign-in (Admin)");

        users.MapPost("/{id}/lock", async (string id, UserAdministration admin, HttpContext http, CancellationToken ct) =>
                await admin.SetLockedAsync(id, locked: true, http.User, ct))
            .WithSummary("Lock an account: sign-in refused, its tokens revoked (Admin)");

        users.MapPost("/{id}/unlock", async (string id, UserAdministration admin, HttpContext http, CancellationToken ct) =>
                await admin.SetLockedAsync(id, locked: false, http.User, ct))
            .WithSummary("Unlock an account (Admin)");

        users.MapPut("/{id}/roles/{role}", async (string id, WorkbenchRole role, UserAdministration admin, HttpContext http, CancellationToken ct) =>
                await admin.GrantAsync(id, role, http.User, ct))
            .WithSummary("Grant an organisation role (Admin)");

        users.MapDelete("/{id}/roles/{role}", async (string id, WorkbenchRole role, UserAdministration admin, HttpContext http, CancellationToken ct) =>
                await admin.RevokeAsync(id, role, http.User, ct))
            .WithSummary("Revoke an organisation role (Admin)");

        return app;
    }
}
