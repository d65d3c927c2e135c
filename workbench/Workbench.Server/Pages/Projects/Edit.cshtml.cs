using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Projects;

/// <summary>
/// Changes a project, members included: saves a new version based on the version the form was loaded from; if
/// someone saved another version meanwhile, the change is refused (as the API's 409) and the form keeps what was typed.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(ProjectChanges projects, WorkbenchDbContext db) : ProjectFormModel(db)
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    [BindProperty] public int ExpectedVersion { get; set; }

    [BindProperty] public string ChangeReason { get; set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await projects.GetCurrentAsync(Id, User, ct);
        await FillAsync(current.Definition, ct);
        ExpectedVersion = current.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var version = await projects.UpdateAsync(Id, ExpectedVersion, await ToDefinitionAsync(ct), ChangeReason ?? "", User, ct);
            return Redirect($"/Projects/Details/{version.ProjectId}");
        }
        catch (ValidationFailedException e)
        {
            ShowErrors(e);
        }
        catch (ConflictException e)
        {
            Errors = [e.Message];
        }
        return Page();
    }
}
