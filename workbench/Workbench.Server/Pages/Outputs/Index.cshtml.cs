using Microsoft.AspNetCore.Mvc.RazorPages;
using OutputControl.Review;
using Workbench.Server.Outputs;

namespace Workbench.Server.Pages.Outputs;

/// <summary>The review queue for output checkers (what they may review), and every signed-in user's own outputs.</summary>
public sealed class IndexModel(OutputSubmissions outputs) : PageModel
{
    public IReadOnlyList<OutputSummary> Queue { get; private set; } = [];

    public IReadOnlyList<OutputSummary> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await outputs.ListAsync(User, ct);
        Mine = [.. all.Where(o => o.Mine)];
        // The queue holds only what the checker may review now: outputs under review of the projects they are
        // assigned to as output checker (never their own, never a project they are a data scientist of).
        Queue = [.. all.Where(o => o.CanReview && o.Status is ReviewStatus.Submitted or ReviewStatus.PartiallyReviewed or ReviewStatus.Reviewed)];
    }
}
