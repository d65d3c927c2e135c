using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Projects;

public sealed class DetailsModel(ProjectChanges projects, WorkbenchDbContext db) : PageModel
{
    public ProjectVersion Current { get; private set; } = null!;

    public IReadOnlyList<ProjectVersion> History { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        Current = await projects.GetCurrentAsync(id, User, ct);
        History = await projects.HistoryAsync(id, User, ct);
        var ids = Current.Definition.Members.Select(m => m.UserId).Concat(History.Select(h => h.ChangedBy)).Distinct().ToList();
        UserNames = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);
    }
}
