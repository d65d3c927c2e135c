using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Pages.Projects;

/// <summary>The fields of a project as the create and edit pages show them (<c>_ProjectFields</c>), and back.</summary>
public abstract class ProjectFormModel(WorkbenchDbContext db) : PageModel
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

    public IReadOnlyList<string> Errors { get; protected set; } = [];

    /// <summary>The form as a definition; members are looked up by user name.</summary>
    protected async Task<ProjectDefinition> ToDefinitionAsync(CancellationToken ct) =>
        new(Title, Purpose, LegalBasis, LegalBasisJustification,
            [.. (Columns ?? []).Select(c => c.Split(':', 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).Select(g => new DatasetGrant(g.Key, [.. g.Select(p => p[1])]))],
            await ParseMembersAsync(ct), RetentionEnd ?? DateOnly.MinValue,
            new Weighing(Subsidiarity, Proportionality, Effectiveness));

    /// <summary>Fills the form from a definition; members as "user-name Role" lines.</summary>
    protected async Task FillAsync(ProjectDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        (Title, Purpose, LegalBasis, LegalBasisJustification) = (definition.Title, definition.Purpose, definition.LegalBasis, definition.LegalBasisJustification);
        Columns = [.. definition.Datasets.SelectMany(g => g.Columns.Select(c => $"{g.Dataset}:{c}"))];
        var ids = definition.Members.Select(m => m.UserId).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);
        Members = string.Join("\n", definition.Members.Select(m => $"{names.GetValueOrDefault(m.UserId, m.UserId)} {m.Role}"));
        RetentionEnd = definition.RetentionEnd;
        (Subsidiarity, Proportionality, Effectiveness) = (definition.Weighing.Subsidiarity, definition.Weighing.Proportionality, definition.Weighing.Effectiveness);
    }

    protected void ShowErrors(ValidationFailedException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Errors = [.. e.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))];
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
