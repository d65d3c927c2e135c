using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Outputs;

namespace Workbench.Server.Pages.Dashboard;

/// <summary>
/// The public dashboard: anonymous and read-only. It reads only released outputs (their public tables: published
/// values, suppressed cells marked), one release at a time, newest first unless another is chosen. A release is public
/// from its release date on; until then it is not listed, and asking for it is a 404 like an unknown one.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ReleaseLookup releases, TimeProvider time) : PageModel
{
    public IReadOnlyList<PublishedRelease> Releases { get; private set; } = [];

    public PublishedRelease? Shown { get; private set; }

    /// <summary>The release before the shown one, to compare with.</summary>
    public PublishedRelease? Previous { get; private set; }

    /// <summary>The previous release's table of an output with the same title, if it had one that is still public.</summary>
    public PublicTable? PreviousOf(PublishedOutput output) =>
        Previous?.Outputs.FirstOrDefault(p => p.Title == output?.Title && p.Table is not null)?.Table;

    public async Task OnGetAsync(string? release, CancellationToken ct)
    {
        Releases = await releases.ReleasesAsync(ct, publicOn: DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        Shown = release is null ? (Releases.Count > 0 ? Releases[0] : null) : Releases.FirstOrDefault(r => r.Version == release);
        if (Shown is not null)
        {
            var index = Releases.ToList().IndexOf(Shown);
            Previous = index + 1 < Releases.Count ? Releases[index + 1] : null;
        }
        if (release is not null && Shown is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
