using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workbench.Server.Errors;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Questions;

/// <summary>
/// A question and its track for everyone who may see it; the score form for a steering member who has not scored;
/// closing the round and the decision for the chair. The server checks every action again (<see cref="QuestionChanges"/>).
/// </summary>
public sealed class DetailsModel(QuestionReader reader, QuestionChanges changes, IOptions<PrioritisationOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    [BindProperty] public int Feasibility { get; set; }
    [BindProperty] public int DataAvailability { get; set; }
    [BindProperty] public int PolicyRelevance { get; set; }
    [BindProperty] public string Comment { get; set; } = "";
    [BindProperty] public QuestionDecision Decision { get; set; } = QuestionDecision.Accept;
    [BindProperty] public string Reason { get; set; } = "";

    public QuestionDetails Question { get; private set; } = null!;

    public PrioritisationOptions Prioritisation => options.Value;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Question = await reader.GetAsync(Id, User, ct);

    public Task<IActionResult> OnPostScoreAsync(CancellationToken ct) =>
        RunAsync(() => changes.ScoreAsync(Id, new ScoreRequest(Feasibility, DataAvailability, PolicyRelevance, Comment ?? ""), User, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => RunAsync(() => changes.CloseRoundAsync(Id, Reason, User, ct), ct);

    public Task<IActionResult> OnPostDecideAsync(CancellationToken ct) =>
        RunAsync(() => changes.DecideAsync(Id, new DecisionRequest(Decision, Reason), User, ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => RunAsync(() => changes.SubmitAsync(Id, User, ct), ct);

    private async Task<IActionResult> RunAsync(Func<Task<ResearchQuestion>> action, CancellationToken ct)
    {
        try
        {
            await action();
            return Redirect($"/Questions/Details/{Id}");
        }
        catch (DomainException e) when (e is not NotFoundException)
        {
            Errors = e is ValidationFailedException v ? [.. v.Errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}"))] : [e.Message];
            Question = await reader.GetAsync(Id, User, ct);
            return Page();
        }
    }
}
