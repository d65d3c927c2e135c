using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Projects;

namespace Workbench.Server.Data;

/// <summary>
/// Carries out the retention end of projects: once a project's retention period is over, its work area (the project
/// view under the data directory, and its users' notebooks and kernel work directories) is deleted. The deletion is recorded in the audit log before any file goes, so
/// nothing is deleted silently; a deletion that fails is retried by the next sweep.
/// </summary>
public sealed partial class WorkAreaRetention(
    WorkbenchDbContext db, AuditTrail audit, ProjectViewFiles views, Notebooks.NotebookServers notebooks, TimeProvider time, ILogger<WorkAreaRetention> logger)
{
    /// <summary>The audit actor for what the system does by itself.</summary>
    public const string SystemActor = "system";

    /// <summary>Deletes the work areas of every project past its retention end; returns the projects swept.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = await db.CurrentVersionsOf().AsNoTracking().ToListAsync(ct);
        var swept = new List<string>();
        foreach (var version in current.Where(v => today > v.Definition.RetentionEnd).OrderBy(v => v.ProjectId, StringComparer.Ordinal))
        {
            var files = views.WorkAreaFiles(version.ProjectId).ToList();
            if (notebooks.ProjectArea(version.ProjectId) is { } area) files.Add(area);
            if (files.Count == 0) continue;
            await audit.SaveChangesAsync([AuditEvent.Create(SystemActor, AuditActions.WorkAreaDeleted, $"project:{version.ProjectId}",
                new { version = version.Version, retentionEnd = version.Definition.RetentionEnd, files = files.Select(Path.GetFileName) })], ct);
            try
            {
                await views.DeleteAsync(version.ProjectId, ct);
                await notebooks.DeleteProjectAreaAsync(version.ProjectId, ct);
                swept.Add(version.ProjectId);
            }
            catch (IOException e)
            {
                DeleteFailed(logger, e, version.ProjectId);
            }
        }
        return swept;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not delete the work area of project {Project}; the next sweep retries")]
    private static partial void DeleteFailed(ILogger logger, Exception exception, string project);
}
