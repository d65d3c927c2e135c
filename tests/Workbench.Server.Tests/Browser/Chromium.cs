using Microsoft.Playwright;

namespace Workbench.Server.Tests.Browser;

/// <summary>
/// One headless Debian chromium for all browser journeys (starting one takes longer than a journey). Playwright's own
/// browser download is not used: the tests drive the system's <c>/usr/bin/chromium</c>, which <c>tests/run.sh</c>
/// installs. Each test gets its own browser context, so cookies never leak between journeys.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("chromium has not started");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (tests/run.sh does)");
        }
        // Web-first assertions get the same bound as actions (their own default is 5 s), for the reason in NewPageAsync.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context (own cookies) whose relative URLs resolve against the server under test.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        // 30 s: in the full run the browser shares two cores with the notebooks' end-to-end runs; a sign-in that waited
        // 15 s for its redirect timed out there once (a timeout only bounds how long a failing step takes).
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The browser journeys share one chromium and run one after another (they are CPU-bound).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
