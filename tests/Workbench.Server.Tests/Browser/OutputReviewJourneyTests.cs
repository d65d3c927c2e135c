using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OutputControl.Releases;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Outputs;
using Workbench.Server.Tests.Projects;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>
/// A scientist's output goes through the checker pages in a real browser: it appears in the queue, its author cannot
/// approve it, two checkers approve it with a fresh MFA sign-in, and an anonymous visitor sees it on the dashboard.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class OutputReviewJourneyTests(Chromium chromium)
{
    private static async Task<HttpClient> ApiClientAsync(WorkbenchApp app, TestUser user)
    {
#pragma warning disable CA2000 // the client owns its handler
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
#pragma warning restore CA2000
        return await WorkbenchApp.SignInAsync(user, client);
    }

    [Fact]
    public async Task Review_TwoCheckersApproveInTheBrowser_OutputShowsOnThePublicDashboard()
    {
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite);
        var admin = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist, WorkbenchRole.OutputChecker);
        var checker1 = await app.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker);
        var checker2 = await app.CreateUserAsync("pieter", "CBS", WorkbenchRole.OutputChecker);
        using var adminApi = await ApiClientAsync(app, admin);
        var project = (await (await adminApi.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id),
                new ProjectMember(checker1.Id, WorkbenchRole.OutputChecker), new ProjectMember(checker2.Id, WorkbenchRole.OutputChecker)), OutputBuilder.Json))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var scientistApi = await ApiClientAsync(app, scientist);
        var submitted = await scientistApi.PostAsJsonAsync($"/api/projects/{project}/outputs", OutputBuilder.Body(), OutputBuilder.Json);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        const string Title = "Dismantled drug labs per municipality";

        // The author, though an output checker too, is told so and is refused on the approval page.
        var author = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(author, scientist, $"/Outputs/Details/{id}");
        await Expect(author.GetByRole(AriaRole.Note)).ToContainTextAsync("You are the author of this output");
        await Expect(author.GetByRole(AriaRole.Link, new() { Name = "Approve this output" })).ToHaveCountAsync(0);
        var refused = await author.GotoAsync($"/Outputs/Approve/{id}");
        Assert.Equal(403, refused!.Status);
        await Expect(author.GetByRole(AriaRole.Alert)).ToContainTextAsync("the author never reviews their own output");
        await author.Context.CloseAsync();

        await ApproveAsync(app, checker1, id, Title, "It waits for the second checker.", "PartiallyReviewed");
        await ApproveAsync(app, checker2, id, Title, "the output is released", "Released");

        var quarter = OutputBuilder.CurrentPeriod(app).Version;
        OutputBuilder.AdvanceToReleaseDate(app); // the release goes public on its release date
        var visitor = await chromium.NewPageAsync(app.BaseAddress);
        await visitor.GotoAsync("/Dashboard");
        await Expect(visitor.Locator("#shown-release")).ToHaveTextAsync($"Release {quarter}");
        var table = visitor.GetByRole(AriaRole.Table, new() { Name = $"{Title} (count)" });
        ILocator Row(string municipality) => table.GetByRole(AriaRole.Row)
            .Filter(new() { Has = visitor.GetByRole(AriaRole.Cell, new() { Name = municipality, Exact = true }) });
        await Expect(Row("A").GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("x");
        await Expect(Row("B").GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("x");
        await Expect(Row("C").GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("40");
        await Expect(Row("Totaal").GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("70");
        await Expect(visitor.GetByText("minUnits")).ToHaveCountAsync(0);
        var chart = visitor.GetByRole(AriaRole.Img, new() { Name = $"Bar chart: {Title}" });
        await Expect(chart.Locator("rect.bar")).ToHaveCountAsync(1); // C; A and B are suppressed
        await Expect(chart.Locator("text.suppressed")).ToHaveCountAsync(2);
        Assert.True(await BarPixelsAsync(visitor, await chart.ScreenshotAsync()) > 1000, "the chart's bar did not render");
        await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await visitor.Context.CloseAsync();
    }

    /// <summary>Decodes the screenshot in the browser and counts the pixels in the bar colour (#00567a).</summary>
    private static Task<int> BarPixelsAsync(IPage page, byte[] png) => page.EvaluateAsync<int>("""
        async (b64) => {
            const img = new Image();
            img.src = 'data:image/png;base64,' + b64;
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = img.width; canvas.height = img.height;
            const g = canvas.getContext('2d');
            g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) {
                if (Math.abs(d[i] - 0) < 16 && Math.abs(d[i + 1] - 86) < 16 && Math.abs(d[i + 2] - 122) < 16) n++;
            }
            return n;
        }
        """, Convert.ToBase64String(png));

    private async Task ApproveAsync(WorkbenchApp app, TestUser checker, string id, string title, string message, string status)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(page, checker, "/Outputs");
        var row = page.Locator("#queue").GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("to review");
        await row.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        var cells = page.GetByRole(AriaRole.Table, new() { Name = "Every cell with its status and reason; raw (unrounded) values are shown to checkers only" });
        var a = cells.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "A", Exact = true }) });
        await Expect(a).ToContainTextAsync("primary");
        await Expect(a).ToContainTextAsync("minUnits: 9 units < 10");
        await Expect(a.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("9"); // the raw units, for the checker
        await Expect(page.Locator("#justification")).ToHaveTextAsync("Nothing unusual: a plain frequency table.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Approve this output" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve these exact bytes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(message);
        await Expect(page.Locator("#status")).ToContainTextAsync(status);
        await page.Context.CloseAsync();
    }
}
