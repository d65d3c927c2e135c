using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Notebooks;

/// <summary>A data scientist's projects with their notebook servers: open (start on demand) and stop.</summary>
public sealed class IndexModel(ProjectChanges projects, NotebookServers servers, TimeProvider time) : PageModel
{
    public sealed record Row(ProjectVersion Project, NotebookServer? Server, string? Refusal);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(string project, CancellationToken ct)
    {
        try
        {
            await servers.StartAsync(project, User, ct);
            return Redirect(NotebookServer.BasePath(project) + "tree");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostStopAsync(string project, CancellationToken ct)
    {
        await servers.StopAsync(User.UserId(), project, "stopped by the user", ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var userId = User.UserId();
        Rows = [.. (await projects.ListAsync(User, ct))
            .Where(p => p.Definition.Members.Any(m => m.UserId == userId && m.Role == WorkbenchRole.DataScientist))
            .Select(p => new Row(p, servers.Find(userId, p.ProjectId), ProjectRules.DataAccessRefusal(p.Definition, userId, today)))];
    }
}
