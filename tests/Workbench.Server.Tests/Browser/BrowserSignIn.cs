using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workbench.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>
/// Signing in the way a person does: the sign-in form, then the code their authenticator app shows. Redirects are
/// awaited with URL assertions, not <c>WaitForURLAsync</c>: when the URL already matches, that waits for the page's
/// <c>load</c> event, and in CI (two busy cores) it once saw only <c>networkidle</c> and timed out on a page that had
/// arrived. The next step waits for the element it needs anyway.
/// </summary>
internal static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, TestUser user, string returnPath = "/")
    {
        await page.GotoAsync($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(returnPath)}");
        await page.GetByLabel("User name").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(WorkbenchApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Mfa"));
        await page.GetByLabel("Six-digit code from your authenticator app").FillAsync(Totp.Now(user.TotpKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/"));
    }
}
