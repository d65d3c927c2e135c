using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Projects;

[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(ProjectChanges projects, WorkbenchDbContext db) : ProjectFormModel(db)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var version = await projects.CreateAsync(await ToDefinitionAsync(ct), User, ct);
            return Redirect($"/Projects/Details/{version.ProjectId}");
        }
        catch (ValidationFailedException e)
        {
            ShowErrors(e);
            return Page();
        }
    }
}
