using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;
using Workbench.Server.OpenId;

namespace Workbench.Server.Pages.Connect;

/// <summary>
/// The device flow's verification page: a person signed in with MFA types (or follows a link with) the code their
/// terminal or kernel shows, sees which client asks for which scopes, and approves or denies. The page falls under
/// the default policy, so only an MFA sign-in reaches it.
/// </summary>
public sealed class VerifyModel(
    UserManager<WorkbenchUser> users, TokenPrincipals principals, IOpenIddictApplicationManager applications, AuditTrail audit) : PageModel
{
    [BindProperty(Name = "user_code", SupportsGet = true)] public string? UserCode { get; set; }

    public string? ClientName { get; private set; }

    public IReadOnlyList<string> Scopes { get; private set; } = [];

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
            var clientId = request.Principal.GetPresenters().FirstOrDefault();
            var client = clientId is null ? null : await applications.FindByClientIdAsync(clientId);
            ClientName = client is null ? clientId : await applications.GetDisplayNameAsync(client) ?? clientId;
            Scopes = [.. request.Principal.GetScopes()];
        }
        else if (!string.IsNullOrEmpty(UserCode))
        {
            Error ??= "That code is not valid or has expired. Start the sign-in on your device again.";
        }
        return Page();
    }
}
