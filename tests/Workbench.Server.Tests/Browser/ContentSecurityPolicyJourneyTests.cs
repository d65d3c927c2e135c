using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Notebooks;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>The workbench's pages work under their strict Content-Security-Policy: Chromium reports no violation on any of them.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class ContentSecurityPolicyJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task MainPages_UnderTheStrictPolicy_RaiseNoViolationInChromium()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var vera = await app.CreateUserAsync("vera", "CBS", WorkbenchRole.Admin, WorkbenchRole.Requester, WorkbenchRole.SteeringMember,
            WorkbenchRole.SteeringChair, WorkbenchRole.OutputChecker, WorkbenchRole.DataScientist);
        var newcomer = await app.CreateUserAsync("newcomer", "CBS", enrolled: false, WorkbenchRole.DataScientist);
        var (_, project) = await NotebookArea.ProjectAsync(app, vera);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var violations = await CspViolations.WatchAsync(page);

        await page.GotoAsync("/Dashboard");
        await BrowserSignIn.SignInAsync(page, vera);
        foreach (var path in new[]
        {
            "/", "/Projects", "/Projects/Create", $"/Projects/Details/{project}", $"/Projects/Edit/{project}", "/Notebooks", "/Questions",
            "/Questions/Create", "/Questions/Backlog", "/Outputs", "/Audit", "/Admin/Users", "/ApiReference", "/Dashboard", "/Account/StepUp",
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        var enrolling = await chromium.NewPageAsync(app.BaseAddress);
        var enrolViolations = await CspViolations.WatchAsync(enrolling);
        await enrolling.GotoAsync("/Account/SignIn");
        await enrolling.GetByLabel("User name").FillAsync(newcomer.UserName);
        await enrolling.GetByLabel("Password").FillAsync(WorkbenchApp.Password);
        await enrolling.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(enrolling).ToHaveURLAsync(new Regex("/Account/EnrolMfa"));
        await Expect(enrolling.GetByAltText("QR code holding your authenticator key")).ToBeVisibleAsync();
        var before = violations.Seen;
        // The watcher sees what the policy blocks: an inline script added to the page is reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.appendChild(s); }");
        await page.WaitForTimeoutAsync(500);

        Assert.Empty(before);
        Assert.Empty(enrolViolations.Seen);
        Assert.Contains(violations.Seen, v => v.StartsWith("script-src-elem inline", StringComparison.Ordinal));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.ran ?? null"));
    }
}
