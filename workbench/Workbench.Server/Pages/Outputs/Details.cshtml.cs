using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OutputControl.Review;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Outputs;

namespace Workbench.Server.Pages.Outputs;

/// <summary>
/// The review page of one output: the protected table with every cell's status and reason, the raw values (for
/// checkers only), the disclosure policy the server applied, the automatic findings, the justification, the releases it was compared with, the votes the
/// viewer may see, and return / reject (approval has its own page behind a recent MFA sign-in).
/// </summary>
public sealed class DetailsModel(OutputSubmissions outputs, ReviewActions reviews, ReleaseLookup releases, WorkbenchDbContext db) : PageModel
{
    public OutputResponse Output { get; private set; } = null!;

    public IReadOnlyList<ReviewTableRow> Rows { get; private set; } = [];

    public IReadOnlyList<ReleaseInfo> Compared { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    public bool ShowRaw { get; private set; }

    public bool SignatureValid { get; private set; }

    [BindProperty] public string Comment { get; set; } = "";

    [BindProperty] public string ContentHash { get; set; } = "";

    [TempData] public string? Done { get; set; }

    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostReturnAsync(string id, CancellationToken ct) =>
        RunAsync(id, async () => { await reviews.VoteAsync(id, Vote.ReturnForChanges, ContentHash, Comment, User, ct); return "Your vote to return it is recorded."; }, ct);

    public Task<IActionResult> OnPostRejectAsync(string id, CancellationToken ct) =>
        RunAsync(id, async () => { await reviews.VoteAsync(id, Vote.Reject, ContentHash, Comment, User, ct); return "Your vote to reject it is recorded."; }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(string id, CancellationToken ct) =>
        RunAsync(id, async () => { await outputs.WithdrawAsync(id, User, ct); return "The output is withdrawn."; }, ct);

    private async Task<IActionResult> RunAsync(string id, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            Done = await action();
            return RedirectToPage(new { id });
        }
        catch (DomainException e) when (e is not NotFoundException)
        {
            Error = e.Message;
        }
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(string id, CancellationToken ct)
    {
        OutputRequest row;
        try
        {
            row = await outputs.GetAsync(id, User, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Output = await outputs.ResponseAsync(row, User, await releases.FindAsync(id, ct), ct);
        ShowRaw = User.HasRole(WorkbenchRole.OutputChecker);
        Rows = ReviewTableRow.From(Output.Request, Output.CheckResult);
        Compared = await releases.FindManyAsync(Output.ComparedWith, ct);
        var ids = Output.Reviews.Select(r => r.CheckerId).Append(Output.AuthorId).Distinct().ToList();
        UserNames = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);
        SignatureValid = Output.Release is not null && await reviews.ReceiptAsync(id, User, ct) is { Valid: true };
        return Page();
    }
}
