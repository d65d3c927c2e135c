using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Projects;

[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(ProjectChanges projects, WorkbenchDbContext db) : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Purpose { get; set; } = "";
    [BindProperty] public LegalBasis LegalBasis { get; set; } = LegalBasis.PublicTask;
    [BindProperty] public string LegalBasisJustification { get; set; } = "";
    [BindProperty] public List<string> Columns { get; set; } = [];
    [BindProperty] public string Members { get; set; } = "";
    [BindProperty] public DateOnly? RetentionEnd { get; set; }
    [BindProperty] public string Subsidiarity { get; set; } = "";
    [BindProperty] public string Proportionality { get; set; } = "";
    [BindProperty] public string Effectiveness { get; set; } = "";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var definition = new ProjectDefinition(Title, Purpose, LegalBasis, LegalBasisJustification,
                [.. Columns.Select(c => c.Split(':', 2)).GroupBy(p => p[0]).Select(g => new DatasetGrant(g.Key, [.. g.Select(p => p[1])]))],
                await ParseMembersAsync(ct), RetentionEnd ?? DateOnly.MinValue,
                new Weighing(Subsidiarity, Proportionality, Effectiveness));
            var version = await projects.CreateAsync(definition, User, ct);
            return Redirect($"/Projects/Details/{version.ProjectId}");
        }
        catch (ValidationFailedException e)
        {
            Errors = [.. e.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))];
            return Page();
        }
    }

    private async Task<List<ProjectMember>> ParseMembersAsync(CancellationToken ct)
    {
        var members = new List<ProjectMember>();
        // Model binding turns an empty textarea into null: a project without members is valid, not a crash.
        foreach (var line in (Members ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !Enum.TryParse<WorkbenchRole>(parts[1], ignoreCase: true, out var role))
            {
                throw ValidationFailedException.For("members", $"'{line}' is not 'user-name Role'");
            }
            var id = await db.Users.Where(u => u.UserName == parts[0]).Select(u => u.Id).SingleOrDefaultAsync(ct)
                ?? throw ValidationFailedException.For("members", $"there is no user '{parts[0]}'");
            members.Add(new ProjectMember(id, role));
        }
        return members;
    }
}
