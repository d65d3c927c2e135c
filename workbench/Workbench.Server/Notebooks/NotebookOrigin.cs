using System.Globalization;
using Microsoft.Extensions.Options;
using Workbench.Server.Errors;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The notebooks' own origin (<see cref="NotebookOriginOptions.Origin"/>): which requests arrive there, the addresses
/// of a project's notebooks on it and the Content-Security-Policy of its pages. A request is on the notebook origin
/// when its Host is the origin's host and port; every other request is the workbench's.
/// </summary>
public sealed class NotebookOrigin(IOptions<NotebookOriginOptions> options)
{
    public const string Unconfigured =
        "notebooks are switched off: the workbench has no origin of their own to serve them from (set Notebooks:Origin, "
        + "such as http://localhost:5081 for a workbench at http://127.0.0.1:5080), and it never serves them beside its own pages";

    /// <summary>The origin, such as <c>http://localhost:5081</c>, or null when notebooks are switched off.</summary>
    public Uri? Uri => options.Value.Origin;

    public bool IsConfigured => Uri is not null;

    /// <summary>The origin's host and port as a Host header carries them (the default port left out).</summary>
    public string? Authority => Uri is { } uri ? (uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}") : null;

    /// <summary>Whether the request arrived at the notebook origin (by its Host, case-insensitively, with or without the default port).</summary>
    public bool IsNotebookRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Uri is not { } uri || !request.Host.HasValue) return false;
        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(request.Host.Host, uri.IdnHost, StringComparison.OrdinalIgnoreCase) && port == uri.Port;
    }

    /// <summary>The origin, or a refusal that says notebooks are switched off.</summary>
    /// <exception cref="UnavailableException">No notebook origin is configured.</exception>
    public Uri Require() => Uri ?? throw new UnavailableException(Unconfigured);

    /// <summary>The absolute address of a page of the project's notebooks, such as <c>http://localhost:5081/notebooks/P-1/tree</c>.</summary>
    public Uri PageUrl(string projectId, string page) => new(Require(), NotebookServer.BasePath(projectId) + page);

    /// <summary>Where the workbench sends the browser with a one-time ticket (see <see cref="NotebookTickets"/>).</summary>
    public Uri OpenUrl(string projectId, string ticket) => PageUrl(projectId, $"{NotebookOriginEndpoints.OpenPage}?ticket={System.Uri.EscapeDataString(ticket)}");

    /// <summary>
    /// The policy of every page on the notebook origin. Jupyter Notebook 6 needs inline scripts, eval and inline styles
    /// on its own origin; everything else stays on it: connections only to itself (HTTP and its kernels' WebSockets),
    /// images only from itself, data: and blob:, no framing, no form posted elsewhere, no plug-ins.
    /// </summary>
    public string ContentSecurityPolicy
    {
        get
        {
            var uri = Require();
            var websocket = $"{(uri.Scheme == "https" ? "wss" : "ws")}://{Authority}";
            return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + $"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' {websocket}; frame-ancestors 'none'; "
                + "form-action 'self'; base-uri 'self'; object-src 'none'";
        }
    }
}
