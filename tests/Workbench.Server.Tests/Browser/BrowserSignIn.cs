using Microsoft.Playwright;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Browser;

/// <summary>Signing in the way a person does: the sign-in form, then the code their authenticator app shows.</summary>
internal static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, TestUser user, string returnPath = "/")
    {
        await page.GotoAsync($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(returnPath)}");
        await page.GetByLabel("User name").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(WorkbenchApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Mfa**");
        await page.GetByLabel("Six-digit code from your authenticator app").FillAsync(Totp.Now(user.TotpKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
    }
}
