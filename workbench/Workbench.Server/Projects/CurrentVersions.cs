using Workbench.Server.Database;

namespace Workbench.Server.Projects;

/// <summary>The one query for a project's current version (a project row points at its newest version).</summary>
internal static class CurrentVersions
{
    /// <summary>The current version of every project, or of those <paramref name="projects"/> selects.</summary>
    public static IQueryable<ProjectVersion> CurrentVersionsOf(this WorkbenchDbContext db, IQueryable<Project>? projects = null) =>
        (projects ?? db.Projects).Join(db.ProjectVersions, p => new { p.Id, V = p.CurrentVersion }, v => new { Id = v.ProjectId, V = v.Version }, (p, v) => v);
}
