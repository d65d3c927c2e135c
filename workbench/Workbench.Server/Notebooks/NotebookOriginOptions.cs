namespace Workbench.Server.Notebooks;

/// <summary>
/// Where the notebooks are served (section <c>Notebooks</c>): an origin of their own, so that HTML and scripts in a
/// cell's output never run beside the workbench's pages or with its sign-in. Its host must differ from the
/// workbench's (a different site: <c>http://localhost:5081</c> for a workbench at <c>http://127.0.0.1:5080</c>; in
/// production another registrable domain), and the server must listen on it too. Without it no notebook is served.
/// </summary>
public sealed class NotebookOriginOptions
{
    /// <summary>The notebooks' origin, such as <c>http://localhost:5081</c>: scheme, host and port, nothing else.</summary>
    public Uri? Origin { get; set; }

    /// <summary>How long the notebook origin's cookie lives without a request; each request in its second half renews it.</summary>
    public TimeSpan OriginCookieLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long the one-time ticket that carries a sign-in to the notebook origin is valid (at most 60 s).</summary>
    public TimeSpan OriginTicketLifetime { get; set; } = TimeSpan.FromSeconds(60);

    internal static readonly TimeSpan MaxTicketLifetime = TimeSpan.FromSeconds(60);

    /// <summary>Why these options cannot be used, or null.</summary>
    internal static string? Problem(NotebookOriginOptions o)
    {
        if (o.OriginCookieLifetime <= TimeSpan.Zero || o.OriginCookieLifetime > TimeSpan.FromHours(8))
            return "Notebooks:OriginCookieLifetime must be positive and at most 8 hours";
        if (o.OriginTicketLifetime <= TimeSpan.Zero || o.OriginTicketLifetime > MaxTicketLifetime)
            return "Notebooks:OriginTicketLifetime must be positive and at most 60 seconds";
        if (o.Origin is not { } origin) return null;
        return !origin.IsAbsoluteUri || origin.Scheme is not ("http" or "https")
            ? $"Notebooks:Origin must be an absolute http or https address, not '{origin}'"
            : origin.AbsolutePath != "/" || origin.Query.Length > 0 || origin.Fragment.Length > 0 || origin.UserInfo.Length > 0
                ? $"Notebooks:Origin must be an origin (scheme, host and port) without path, query or user, not '{origin}'"
                : null;
    }
}
