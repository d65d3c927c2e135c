using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>Sign-in and MFA enrolment in a real browser against the server on a loopback port.</summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class SignInJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task SignIn_PasswordAndTotp_ShowsHomePage()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await BrowserSignIn.SignInAsync(page, user);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workbench", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Signed in as sci (CBS).")).ToBeVisibleAsync();
        await Expect(page.GetByText("Your roles: DataScientist")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out sci" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongTotp_StaysOnCodePageWithAlert()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var wrong = Totp.Now(user.TotpKey!) == "000000" ? "111111" : "000000";

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("User name").FillAsync("sci");
        await page.GetByLabel("Password").FillAsync(WorkbenchApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Six-digit code from your authenticator app").FillAsync(wrong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That code is not valid. Try the current one.");
        var home = await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn"));
        Assert.Equal(200, home!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_KeyboardOnly_LabelsAndFocusLeadToHomePage()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("checker", "CBS", WorkbenchRole.OutputChecker);
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/Account/SignIn");
        await Expect(page.GetByLabel("User name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(user.UserName);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(WorkbenchApp.Password);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Mfa"));
        await Expect(page.GetByLabel("Six-digit code from your authenticator app")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Totp.Now(user.TotpKey!));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workbench", Level = 1 })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#main$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EnrolMfa_FreshAccount_ManualKeyGivesRecoveryCodesAndHomePage()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("newcomer", "CBS", enrolled: false, WorkbenchRole.Requester);
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("User name").FillAsync("newcomer");
        await page.GetByLabel("Password").FillAsync(WorkbenchApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/EnrolMfa"));
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code holding your authenticator key" });
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR image did not render");
        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Six-digit code the app shows").FillAsync(Totp.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Authenticator set up" })).ToBeVisibleAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Workbench" }).ClickAsync();
        await Expect(page.GetByText("Signed in as newcomer (CBS).")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
