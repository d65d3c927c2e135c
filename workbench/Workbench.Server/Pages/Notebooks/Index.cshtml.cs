using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Notebooks;

/// <summary>
/// A data scientist's projects with their notebook servers: open (start on demand, then on to the notebook origin with
/// a one-time ticket, the only way that origin learns who you are) and stop.
/// </summary>
public sealed class IndexModel(
    ProjectChanges projects, NotebookServers servers, NotebookOrigin origin, NotebookTickets tickets, WorkbenchDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(ProjectVersion Project, NotebookServer? Server, string? Refusal);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>Why no notebook opens here (no notebook origin is configured), or null.</summary>
    public string? SwitchedOff => origin.IsConfigured ? null : NotebookOrigin.Unconfigured;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(string project, CancellationToken ct)
    {
        try
        {
            origin.Require();
            await servers.StartAsync(project, User, ct);
            return Redirect(origin.OpenUrl(project, await tickets.IssueAsync(db, User.UserId(), project, ct)).AbsoluteUri);
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
