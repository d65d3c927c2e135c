using Microsoft.Playwright;

namespace Workbench.Server.Tests.Browser;

/// <summary>
/// Collects the Content-Security-Policy violations Chromium reports on a page (the <c>securitypolicyviolation</c>
/// event, and Chromium's own console message), as "directive blocked-URI" lines.
/// </summary>
internal sealed class CspViolations
{
    private const string Prefix = "csp-violation: ";
    private readonly List<string> _seen = [];

    public IReadOnlyList<string> Seen
    {
        get { lock (_seen) return [.. _seen]; }
    }

    public static async Task<CspViolations> WatchAsync(IPage page)
    {
        var violations = new CspViolations();
        // Added by the browser's debugging protocol, so the page's policy does not stop this script itself.
        await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => "
            + $"console.warn('{Prefix}' + e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
        page.Context.Console += (_, message) =>
        {
            if (message.Text.StartsWith(Prefix, StringComparison.Ordinal)) lock (violations._seen) violations._seen.Add(message.Text[Prefix.Length..]);
        };
        return violations;
    }
}
