using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Projects;

public sealed class IndexModel(ProjectChanges projects, QuestionReader questions) : PageModel
{
    public IReadOnlyList<ProjectVersion> Projects { get; private set; } = [];

    /// <summary>For an Admin: accepted research questions whose drafted project is still to be set up.</summary>
    public IReadOnlyList<QuestionSummary> AwaitingProject { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Projects = await projects.ListAsync(User, ct);
        if (User.HasRole(WorkbenchRole.Admin))
        {
            AwaitingProject = [.. (await questions.ListAsync(User, ct)).Where(q => q.Status == QuestionStatus.Accepted)];
        }
    }
}
