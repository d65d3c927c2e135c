using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>An Admin sets up a project through the form; nobody else reaches the form.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class ProjectJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task CreateProject_AdminFillsForm_ProjectIsListedWithItsGrants()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var admin = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var retention = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await BrowserSignIn.SignInAsync(page, admin);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New project" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Drug labs in vacant buildings");
        await page.GetByLabel("Purpose (doelbinding)").FillAsync("Estimate how often dismantled drug labs lie in vacant buildings, per municipality.");
        await page.GetByLabel("Legal basis (GDPR Art. 6)").SelectOptionAsync("PublicTask");
        await page.GetByLabel("Justification of the legal basis").FillAsync("CBS Act art. 3: statistics in the public interest.");
        foreach (var column in new[] { "dismantlings-building_id", "dismantlings-kind", "buildings-building_id", "buildings-vacant" })
        {
            await page.Locator($"#col-{column}").CheckAsync();
        }
        await page.GetByLabel("Members: one per line").FillAsync("sci DataScientist");
        await page.GetByLabel("Retention end").FillAsync(retention);
        await page.GetByLabel("Subsidiarity").FillAsync("Aggregated police figures cannot link labs to buildings.");
        await page.GetByLabel("Proportionality").FillAsync("Only building-level attributes, no persons.");
        await page.GetByLabel("Effectiveness").FillAsync("The linkage answers the question directly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Projects/Details/P-[^/?#]+$"));
        await Expect(page.Locator("#datasets")).ToContainTextAsync("dismantlings: building_id, kind");
        await Expect(page.Locator("#datasets")).ToContainTextAsync("buildings: building_id, vacant");
        await Expect(page.GetByText("sci: DataScientist")).ToBeVisibleAsync();
        await page.GotoAsync("/Projects");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Drug labs in vacant buildings" });
        await Expect(row).ToContainTextAsync("PublicTask");
        await Expect(row).ToContainTextAsync(retention);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CreateProject_IncompleteForm_ShowsEveryBrokenRuleAndCreatesNothing()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var admin = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(page, admin, "/Projects/Create");

        await page.GetByLabel("Title").FillAsync("Too short");
        await page.GetByLabel("Purpose (doelbinding)").FillAsync("short");
        await page.GetByLabel("Justification of the legal basis").FillAsync("short");
        await page.GetByLabel("Retention end").FillAsync("2001-01-01");
        await page.GetByLabel("Subsidiarity").FillAsync("x");
        await page.GetByLabel("Proportionality").FillAsync("x");
        await page.GetByLabel("Effectiveness").FillAsync("x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("purpose: state the purpose");
        await Expect(alert).ToContainTextAsync("datasets: allow at least one dataset");
        await Expect(alert).ToContainTextAsync("retentionEnd: the retention end must lie after today");
        await page.GotoAsync("/Projects");
        await Expect(page.GetByText("There are no projects you can see.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CreateProject_NonAdmin_GetsAccessDeniedAndNoLink()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(page, scientist);

        await page.GotoAsync("/Projects");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projects" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New project" })).ToHaveCountAsync(0);
        var create = await page.GotoAsync("/Projects/Create");

        Assert.Equal(403, create!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Title")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
