using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Audit;
using Workbench.Server.Identity;

namespace Workbench.Server.Pages.Account;

[AllowAnonymous]
public sealed class RecoveryModel(SignInManager<WorkbenchUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) { return RedirectToPage("SignIn"); }
        var result = await audit.RunAsync(async () =>
        {
            var outcome = await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal));
            return (outcome, SignInEvents.SecondFactor(user, outcome, "recovery_code"));
        }, ct);
        if (result.Succeeded) { return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/"); }
        Error = result.IsLockedOut ? "This account is locked after repeated failures." : "That recovery code is not valid.";
        return Page();
    }
}
