using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;

namespace Workbench.Server.Pages.Account;

/// <summary>The second step of sign-in: the TOTP code (or a recovery code, on its own page).</summary>
[AllowAnonymous]
public sealed class MfaModel(SignInManager<WorkbenchUser> signIn, AuditTrail audit) : PageModel
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
        var code = Code.Replace(" ", "", StringComparison.Ordinal);
        var result = await audit.RunAsync(async () =>
        {
            var outcome = await signIn.TwoFactorAuthenticatorSignInAsync(code, false, rememberClient: false);
            return (outcome, SignInEvents.SecondFactor(user, outcome, "totp"));
        }, ct);
        if (result.Succeeded) { return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/"); }
        Error = result.IsLockedOut ? "This account is locked after repeated failures." : "That code is not valid. Try the current one.";
        return Page();
    }
}

/// <summary>The audit events of the second sign-in step.</summary>
internal static class SignInEvents
{
    public static IReadOnlyList<AuditEvent> SecondFactor(WorkbenchUser user, Microsoft.AspNetCore.Identity.SignInResult outcome, string method)
    {
        var action = outcome switch
        {
            { Succeeded: true } => method == "recovery_code" ? AuditActions.RecoveryCodeUsed : AuditActions.SignInSucceeded,
            { IsLockedOut: true } => AuditActions.SignInLockedOut,
            _ => AuditActions.MfaFailed,
        };
        var events = new List<AuditEvent> { AuditEvent.Create(user.Id, action, $"user:{user.UserName}", new { step = "mfa", method }) };
        if (outcome.Succeeded && method == "recovery_code")
        {
            events.Add(AuditEvent.Create(user.Id, AuditActions.SignInSucceeded, $"user:{user.UserName}", new { step = "mfa", method }));
        }
        return events;
    }
}
