using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OutputControl.Review;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Outputs;

namespace Workbench.Server.Pages.Outputs;

/// <summary>
/// Approving is the one step that lets bytes out, so it has its own page behind <see cref="Policies.RecentMfa"/>: an
/// older session confirms an authenticator code first (the step-up page) and comes back here.
/// </summary>
[Authorize(Policy = Policies.OutputChecker)]
[Authorize(Policy = Policies.RecentMfa)]
public sealed class ApproveModel(OutputSubmissions outputs, ReviewActions reviews) : PageModel
{
    public OutputResponse Output { get; private set; } = null!;

    [BindProperty] public string ContentHash { get; set; } = "";

    [BindProperty] public string Comment { get; set; } = "";

    [TempData] public string? Done { get; set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!Output.CanApprove)
        {
            var row = await outputs.GetAsync(id, User, ct);
            Refusal = ReviewPermissions.ReviewRefusal(row.ToReview(), await outputs.ParticipantAsync(User, row.ProjectId, ct))
                ?? "the automatic check blocked this output: it can be returned or rejected, never approved";
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        try
        {
            var row = await reviews.VoteAsync(id, Vote.Approve, ContentHash, Comment, User, ct);
            Done = row.Status == ReviewStatus.Released
                ? "Approved. Both checkers approved these bytes: the output is released."
                : "Approved. It waits for the second checker.";
            return RedirectToPage("Details", new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException e)
        {
            Refusal = e.Message;
            Response.StatusCode = e.StatusCode;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            Output = await outputs.ResponseAsync(await outputs.GetAsync(id, User, ct), User, null, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
