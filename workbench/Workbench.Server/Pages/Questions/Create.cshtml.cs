using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Questions;

/// <summary>
/// Starts a question: saves it as a draft, or saves and submits it at once. A submission that is not complete keeps
/// the draft saved and shows what is missing.
/// </summary>
[Authorize(Policy = Policies.Requester)]
public sealed class CreateModel(QuestionChanges changes) : QuestionFormModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ResearchQuestion question;
        try
        {
            question = await changes.CreateDraftAsync(ToContent(), User, ct);
        }
        catch (DomainException e)
        {
            Show(e);
            return Page();
        }
        if (Action == "submit")
        {
            try
            {
                await changes.SubmitAsync(question.Id, User, ct);
            }
            catch (DomainException e)
            {
                // The draft is saved; the edit page shows why it could not be submitted yet.
                TempData["Errors"] = string.Join("\n", e is ValidationFailedException v ? v.Errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")) : [e.Message]);
                return Redirect($"/Questions/Edit/{question.Id}");
            }
        }
        return Redirect($"/Questions/Details/{question.Id}");
    }
}
