using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;

namespace Workbench.Server.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<WorkbenchUser> signIn, UserManager<WorkbenchUser> users, AuditTrail audit) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await audit.RunAsync(async () =>
        {
            var user = await users.FindByNameAsync(UserName);
            var outcome = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, false, lockoutOnFailure: true);
            var action = outcome switch
            {
                { IsLockedOut: true } => AuditActions.SignInLockedOut,
                { RequiresTwoFactor: true } => null, // the second factor decides; it is audited there
                { Succeeded: true } => AuditActions.SignInSucceeded,
                _ => AuditActions.SignInFailed,
            };
            IReadOnlyList<AuditEvent> events = action is null ? [] :
            [
                AuditEvent.Create(user?.Id ?? $"anonymous:{UserName}", action, $"user:{UserName}",
                    new { step = "password", mfaEnrolled = user?.TwoFactorEnabled ?? false, knownUser = user is not null }),
            ];
            return (outcome, events);
        }, ct);

        if (result.RequiresTwoFactor) { return RedirectToPage("Mfa", new { ReturnUrl }); }
        if (result.Succeeded) { return RedirectToPage("EnrolMfa", new { ReturnUrl }); }
        Error = result.IsLockedOut
            ? "This account is locked after repeated failures. Try again later or ask an administrator."
            : "The user name or password is wrong.";
        return Page();
    }
}
