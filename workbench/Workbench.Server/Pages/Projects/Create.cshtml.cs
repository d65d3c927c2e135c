using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Projects;

/// <summary>
/// A new project; with <c>?question=Q-...</c> the form starts from the project an accepted research question drafted,
/// and creating it links the question to the project in the same transaction.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(ProjectChanges projects, QuestionChanges questions, QuestionReader reader, WorkbenchDbContext db) : ProjectFormModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Question { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Question))
        {
            await FillAsync((await reader.ProjectDraftAsync(Question, User, ct)).ToDefinition(), ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var definition = await ToDefinitionAsync(ct);
            var version = string.IsNullOrEmpty(Question)
                ? await projects.CreateAsync(definition, User, ct)
                : await questions.StartProjectAsync(Question, definition, User, ct);
            return Redirect($"/Projects/Details/{version.ProjectId}");
        }
        catch (ValidationFailedException e)
        {
            ShowErrors(e);
            return Page();
        }
        catch (InvalidStateTransitionException e)
        {
            Errors = [e.Message];
            return Page();
        }
    }
}
