using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;

namespace Workbench.Server.Pages.Account;

/// <summary>
/// Enrolment of the authenticator, the only page a password-only sign-in reaches. A correct code enables MFA,
/// yields recovery codes and upgrades the sign-in to one with <c>amr=mfa</c>.
/// </summary>
[Authorize(Policy = Policies.MfaEnrolment)]
public sealed class EnrolMfaModel(UserManager<WorkbenchUser> users, SignInManager<WorkbenchUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string FormattedKey { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public string? Error { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>Where "Continue" leads: the return URL only when it is local to Workbench, else the start page.</summary>
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) { return Challenge(); }
        if (user.TwoFactorEnabled) { return RedirectToPage("/Index"); }
        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) { return Challenge(); }
        if (user.TwoFactorEnabled) { return RedirectToPage("/Index"); }
        var code = Code.Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.SaveChangesAsync([AuditEvent.Create(user.Id, AuditActions.MfaFailed, $"user:{user.UserName}", new { step = "enrolment" })], ct);
            Error = "That code is not valid. Check the key and try the current code.";
            await ShowKeyAsync(user);
            return Page();
        }
        RecoveryCodes = await audit.RunAsync(async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            return ((IReadOnlyList<string>)codes,
                (IReadOnlyList<AuditEvent>)[AuditEvent.Create(user.Id, AuditActions.MfaEnrolled, $"user:{user.UserName}", new { method = "totp", recoveryCodes = codes.Count })]);
        }, ct);
        await signIn.SignInWithClaimsAsync(user, false, [new Claim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa)]);
        return Page();
    }

    private async Task ShowKeyAsync(WorkbenchUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp, and every request checks the stamp: re-issue this session with it.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("no authenticator key");
        }
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/Workbench:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Workbench&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
