using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Outputs;

namespace Workbench.Server.Pages.Dashboard;

/// <summary>
/// The public dashboard: anonymous and read-only. It reads only released outputs (their public tables: published
/// values, suppressed cells marked), one release at a time, newest first unless another is chosen.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ReleaseLookup releases) : PageModel
{
    public IReadOnlyList<PublishedRelease> Releases { get; private set; } = [];

    public PublishedRelease? Shown { get; private set; }

    public async Task OnGetAsync(string? release, CancellationToken ct)
    {
        Releases = await releases.ReleasesAsync(ct);
        Shown = release is null ? (Releases.Count > 0 ? Releases[0] : null) : Releases.FirstOrDefault(r => r.Version == release);
        if (release is not null && Shown is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
