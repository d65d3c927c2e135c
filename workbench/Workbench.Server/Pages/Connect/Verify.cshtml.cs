using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;
using Workbench.Server.OpenId;

namespace Workbench.Server.Pages.Connect;

/// <summary>One scope a device asks for, as the person approving it reads it.</summary>
/// <param name="Scope">The scope as asked, such as <c>project:P-2026-001</c>.</param>
/// <param name="Meaning">What the token may do with it.</param>
/// <param name="ProjectId">For a project scope, the project's id.</param>
/// <param name="ProjectTitle">For a project scope the caller may hold, the project's title.</param>
/// <param name="Refusal">Why approving would be refused (not a member, retention ended, unknown scope), or null.</param>
public sealed record ScopeRequest(string Scope, string Meaning, string? ProjectId, string? ProjectTitle, string? Refusal);

/// <summary>
/// The device flow's verification page: a person signed in with MFA types (or follows a link with) the code their
/// terminal or kernel shows, sees which client (its name and id) asks for which scopes, and for a project scope the
/// project's id and title, and approves or denies. The page falls under the default policy, so only an MFA sign-in
/// reaches it. The token gets exactly the scopes shown, and no organisation roles (see <see cref="TokenPrincipals"/>).
/// </summary>
public sealed class VerifyModel(
    UserManager<WorkbenchUser> users, TokenPrincipals principals, IOpenIddictApplicationManager applications, AuditTrail audit,
    Database.WorkbenchDbContext db) : PageModel
{
    [BindProperty(Name = "user_code", SupportsGet = true)] public string? UserCode { get; set; }

    public string? ClientName { get; private set; }

    public string? ClientId { get; private set; }

    public IReadOnlyList<ScopeRequest> Scopes { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        var request = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = await users.GetUserAsync(User);
        if (!request.Succeeded || user is null) { return await ShowAsync(); }
        try
        {
            var principal = await principals.CreateAsync(user, request.Principal.GetScopes(), ct);
            await audit.SaveChangesAsync([ConnectEndpoints.AuthorizedEvent(user, request.Principal.GetPresenters().FirstOrDefault(), principal, "device_code")], ct);
            return SignIn(principal, new AuthenticationProperties { RedirectUri = "/Connect/Approved" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (TokenRequestRefusedException e)
        {
            Error = e.Message;
            return await ShowAsync();
        }
    }

    public async Task<IActionResult> OnPostDenyAsync(CancellationToken ct)
    {
        var request = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = await users.GetUserAsync(User);
        if (!request.Succeeded || user is null) { return await ShowAsync(); }
        await audit.SaveChangesAsync([AuditEvent.Create(user.Id, AuditActions.DeviceDenied, $"user:{user.UserName}",
            new { client = request.Principal.GetPresenters().FirstOrDefault(), scopes = request.Principal.GetScopes().ToArray() })], ct);
        return Forbid(new AuthenticationProperties { RedirectUri = "/Connect/Approved?denied=true" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IActionResult> ShowAsync()
    {
        var request = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (request.Succeeded)
        {
            ClientId = request.Principal.GetPresenters().FirstOrDefault();
            var client = ClientId is null ? null : await applications.FindByClientIdAsync(ClientId);
            ClientName = client is null ? ClientId : await applications.GetDisplayNameAsync(client) ?? ClientId;
            var user = await users.GetUserAsync(User);
            var scopes = new List<ScopeRequest>();
            foreach (var scope in request.Principal.GetScopes())
            {
                scopes.Add(await DescribeAsync(scope, user?.Id ?? "", HttpContext.RequestAborted));
            }
            Scopes = scopes;
        }
        else if (!string.IsNullOrEmpty(UserCode))
        {
            Error ??= "That code is not valid or has expired. Start the sign-in on your device again.";
        }
        return Page();
    }

    private async Task<ScopeRequest> DescribeAsync(string scope, string userId, CancellationToken ct)
    {
        switch (scope)
        {
            case OpenIddictConstants.Scopes.OpenId:
                return new(scope, "know who you are (your user id)", null, null, null);
            case OpenIddictConstants.Scopes.Profile:
                return new(scope, "know your user name and organisation", null, null, null);
            case OpenIddictConstants.Scopes.OfflineAccess:
                return new(scope, "stay signed in: renew its access without asking you again until the sign-in expires", null, null, null);
        }
        if (!scope.StartsWith(TokenPrincipals.ProjectScopePrefix, StringComparison.Ordinal))
        {
            return new(scope, "unknown", null, null, "Workbench knows no such scope: approving will be refused");
        }
        var projectId = scope[TokenPrincipals.ProjectScopePrefix.Length..];
        var title = await Workbench.Server.Projects.CurrentVersions.CurrentVersionsOf(db, db.Projects.Where(p => p.Id == projectId))
            .Select(v => v.Definition).SingleOrDefaultAsync(ct) is { } definition ? definition.Title : null;
        var until = title is null ? null : await principals.ProjectAccessEndAsync(projectId, userId, ct);
        return until is null
            ? new(scope, "work on a project", projectId, null, "you are not a member of that project, or its retention period has ended: approving will be refused")
            : new(scope, $"read this project's data and submit its outputs for review, as you, until {until.Value.AddDays(-1):yyyy-MM-dd} at most",
                projectId, title, null);
    }
}
