using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Projects;

public sealed class IndexModel(ProjectChanges projects) : PageModel
{
    public IReadOnlyList<ProjectVersion> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await projects.ListAsync(User, ct);
}
