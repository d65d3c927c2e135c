using Workbench.Server.Notebooks;

namespace Workbench.Server.Web;

/// <summary>
/// The headers every response carries: a strict Content-Security-Policy (the workbench's pages need no inline script or
/// style and load nothing from elsewhere; the notebook origin gets <see cref="NotebookOrigin.ContentSecurityPolicy"/>,
/// replacing Jupyter's own), no MIME sniffing, no referrer (a ticket in an address never leaves in a Referer), no
/// framing, and no cross-origin window or resource sharing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The workbench's pages and API. <c>form-action</c> also names the notebook origin: the Notebooks page's Open is a
    /// form whose answer redirects there, and Chromium checks a form's redirects against <c>form-action</c>.
    /// </summary>
    public static string WorkbenchPolicy(Uri? notebookOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
        + $"form-action 'self'{(notebookOrigin is null ? "" : " " + notebookOrigin.GetLeftPart(UriPartial.Authority))}; base-uri 'none'; object-src 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            // On starting, so that an error page, a status-code page and a proxied Jupyter answer get them too.
            http.Response.OnStarting(static state =>
            {
                Apply((HttpContext)state);
                return Task.CompletedTask;
            }, http);
            return next(http);
        });
        return app;
    }

    private static void Apply(HttpContext http)
    {
        var origin = http.RequestServices.GetRequiredService<NotebookOrigin>();
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = origin.IsNotebookRequest(http.Request) ? origin.ContentSecurityPolicy : WorkbenchPolicy(origin.Uri);
        headers.Remove("Content-Security-Policy-Report-Only");
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
}
