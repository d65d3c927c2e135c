using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Questions;

/// <summary>A draft is saved or submitted here; a submitted question whose round is open gets a revision with a reason.</summary>
[Authorize(Policy = Policies.Requester)]
public sealed class EditModel(QuestionChanges changes, QuestionReader reader) : QuestionFormModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    [BindProperty] public string Reason { get; set; } = "";

    public QuestionStatus Status { get; private set; }

    public int Revision { get; private set; }

    public bool MayChange => Status == QuestionStatus.Draft || QuestionLifecycle.IsRoundOpen(Status);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var details = await LoadAsync(ct);
        Fill(details.Content);
        if (!MayChange) Errors = [$"{Id} is {Status}: it can no longer be changed"];
        if (TempData["Errors"] is string errors)
        {
            // Sent by the create page: the draft was saved, its submission was refused.
            (Errors, Action) = (errors.Split('\n'), "submit");
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            if (Status == QuestionStatus.Draft)
            {
                await changes.SaveDraftAsync(Id, ToContent(), User, ct);
                if (Action == "submit") await changes.SubmitAsync(Id, User, ct);
            }
            else
            {
                await changes.ReviseAsync(Id, new RevisionRequest(Reason ?? "", ToContent()), User, ct);
            }
            return Redirect($"/Questions/Details/{Id}");
        }
        catch (DomainException e) when (e is not NotFoundException)
        {
            Show(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task<QuestionDetails> LoadAsync(CancellationToken ct)
    {
        var details = await reader.GetAsync(Id, User, ct);
        (Status, Revision) = (details.Status, details.Revision);
        return details;
    }
}
