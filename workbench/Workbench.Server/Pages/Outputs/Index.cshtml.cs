using Microsoft.AspNetCore.Mvc.RazorPages;
using OutputControl.Review;
using Workbench.Server.Outputs;

namespace Workbench.Server.Pages.Outputs;

/// <summary>The review queue for output checkers, and every signed-in user's own outputs.</summary>
public sealed class IndexModel(OutputSubmissions outputs) : PageModel
{
    public IReadOnlyList<OutputSummary> Queue { get; private set; } = [];

    public IReadOnlyList<OutputSummary> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = (await outputs.ListAsync(User, ct)).Select(o => OutputSummary.From(o, User)).ToList();
        Mine = [.. all.Where(o => o.Mine)];
        // The queue holds what is under review; the checker's own outputs stay in it, marked, so nothing is hidden.
        Queue = [.. all.Where(o => o.Status is ReviewStatus.Submitted or ReviewStatus.PartiallyReviewed or ReviewStatus.Reviewed)];
    }
}
