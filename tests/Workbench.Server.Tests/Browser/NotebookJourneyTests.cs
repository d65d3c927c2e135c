using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Notebooks;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>
/// A data scientist opens their project's notebooks from the workbench and runs a cell in the sandboxed kernel; the
/// notebook server is theirs alone, and nothing is downloaded through it.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class NotebookJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task Notebooks_ScientistOpensProjectAndRunsACell_OthersAndDownloadsAreRefused()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        var outsider = await app.CreateUserAsync("outsider", "CBS", WorkbenchRole.DataScientist);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        page.SetDefaultTimeout(60_000);
        await BrowserSignIn.SignInAsync(page, scientist);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Notebooks" }).ClickAsync();
        await Expect(page.Locator("#transfers")).ToHaveTextAsync("Download and upload are switched off");
        await page.Locator($"tr[data-project='{project}']").GetByRole(AriaRole.Button, new() { Name = "Open notebooks" }).ClickAsync();
        // On the notebooks' own origin, signed in there by the one-time ticket of the Open button.
        var notebooks = area.Origin.GetLeftPart(UriPartial.Authority);
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape($"{notebooks}/notebooks/{project}/tree")));
        var saved = await page.APIRequest.PutAsync($"{notebooks}/notebooks/{project}/api/contents/first.ipynb", new() { DataObject = NotebookArea.Notebook("6 * 7") });
        Assert.Equal(201, saved.Status);
        await page.GotoAsync($"{notebooks}/notebooks/{project}/notebooks/first.ipynb");
        await Expect(page.Locator("#kernel_indicator_icon.kernel_idle_icon")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.Locator(".CodeMirror").First.ClickAsync();
        await page.Keyboard.PressAsync("Shift+Enter");

        await Expect(page.Locator(".output_subarea").First).ToContainTextAsync("42", new() { Timeout = 120_000 });
        Assert.Equal(403, (await page.APIRequest.GetAsync($"{notebooks}/notebooks/{project}/files/first.ipynb")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"{notebooks}/notebooks/{project}/nbconvert/html/first.ipynb?download=true")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"{notebooks}/notebooks/{project}/api/contents/first.ipynb?type=file&format=base64")).Status);
        // The workbench's own address never serves the notebooks; the notebook origin knows nobody without the ticket.
        var workbench = await page.APIRequest.GetAsync($"/notebooks/{project}/tree");
        Assert.Equal(403, workbench.Status);
        Assert.Contains("served only from their own origin", await workbench.TextAsync(), StringComparison.Ordinal);
        var other = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserSignIn.SignInAsync(other, outsider);
        var refused = await other.APIRequest.GetAsync($"{notebooks}/notebooks/{project}/tree");
        Assert.Equal(401, refused.Status);
        Assert.Contains("open your notebooks from the workbench's Notebooks page", await refused.TextAsync(), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.NotebookStarted && e.Actor == scientist.Id));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.NotebookAccessDenied));
    }
}
