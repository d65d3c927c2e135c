using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;

namespace Workbench.Server.Pages.Account;

/// <summary>
/// Confirms a signed-in session with a fresh authenticator code before a sensitive action (the <c>RecentMfa</c>
/// policy): a valid code re-issues the sign-in with a new MFA time; failures count towards the lockout. Audited.
/// </summary>
public sealed class StepUpModel(UserManager<WorkbenchUser> users, SignInManager<WorkbenchUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            await signIn.SignOutAsync();
            return RedirectToPage("SignIn");
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var valid = await audit.RunAsync(async () =>
        {
            var ok = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
            if (ok)
            {
                await users.ResetAccessFailedCountAsync(user);
            }
            else
            {
                await users.AccessFailedAsync(user);
            }
            return (ok, (IReadOnlyList<AuditEvent>)[AuditEvent.Create(user.Id, ok ? AuditActions.MfaConfirmed : AuditActions.MfaFailed,
                $"user:{user.UserName}", new { step = "step-up", method = "totp" })]);
        }, ct);
        if (!valid)
        {
            Error = await users.IsLockedOutAsync(user) ? "This account is locked after repeated failures." : "That code is not valid. Try the current one.";
            return Page();
        }
        // A new sign-in without the old MFA time: the cookie's sign-in event stamps the current one.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa)]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
