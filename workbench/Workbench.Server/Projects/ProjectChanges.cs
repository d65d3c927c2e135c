using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;

namespace Workbench.Server.Projects;

/// <summary>
/// Creating and changing projects: checks the rules, adds a version (never overwrites one) and audits the change in
/// the same transaction. The API and the pages both come through here.
/// </summary>
public sealed class ProjectChanges(WorkbenchDbContext db, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Creates version 1. <paramref name="alongside"/> lets the feature that starts the project (an accepted research
    /// question) change its own rows and add its audit events in the same transaction.
    /// </summary>
    public async Task<ProjectVersion> CreateAsync(
        ProjectDefinition definition, ClaimsPrincipal actor, CancellationToken ct, Func<Project, IReadOnlyList<AuditEvent>>? alongside = null)
    {
        CheckIsAdmin(actor);
        await CheckAsync(definition, ct);
        var now = time.GetUtcNow();
        var prefix = $"P-{now:yyyy}-";
        var taken = await db.Projects.CountAsync(p => p.Id.StartsWith(prefix), ct);
        var project = new Project { Id = $"{prefix}{taken + 1:000}", CurrentVersion = 1, CreatedAt = now, CreatedBy = actor.UserId() };
        var version = new ProjectVersion
        {
            ProjectId = project.Id, Version = 1, Definition = definition, ChangedBy = actor.UserId(), ChangedAt = now,
            ChangeReason = "created",
        };
        db.Projects.Add(project);
        db.ProjectVersions.Add(version);
        await SaveAsync([AuditEvent.Create(actor.UserId(), AuditActions.ProjectCreated, Subject(project.Id),
            new { version = 1, definition }), .. alongside?.Invoke(project) ?? []], ct);
        return version;
    }

    public async Task<ProjectVersion> UpdateAsync(
        string projectId, int expectedVersion, ProjectDefinition definition, string reason, ClaimsPrincipal actor, CancellationToken ct)
    {
        CheckIsAdmin(actor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw ValidationFailedException.For("changeReason", "say why the project changes");
        }
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException($"there is no project '{projectId}'");
        if (project.CurrentVersion != expectedVersion)
        {
            throw new ConflictException(
                $"project {projectId} is at version {project.CurrentVersion}, not {expectedVersion}: reload it and apply the change again");
        }
        await CheckAsync(definition, ct);
        var now = time.GetUtcNow();
        project.CurrentVersion = expectedVersion + 1;
        var version = new ProjectVersion
        {
            ProjectId = projectId, Version = project.CurrentVersion, Definition = definition, ChangedBy = actor.UserId(),
            ChangedAt = now, ChangeReason = reason.Trim(),
        };
        db.ProjectVersions.Add(version);
        await SaveAsync([AuditEvent.Create(actor.UserId(), AuditActions.ProjectChanged, Subject(projectId),
            new { version = version.Version, reason = version.ChangeReason, definition })], ct);
        return version;
    }

    /// <summary>The current version, for an Admin or a member of the project; otherwise not found.</summary>
    public async Task<ProjectVersion> GetCurrentAsync(string projectId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var version = await db.CurrentVersionsOf(db.Projects.Where(p => p.Id == projectId)).SingleOrDefaultAsync(ct);
        // Non-members learn nothing, not even that the project exists.
        if (version is null || !(caller.HasRole(WorkbenchRole.Admin) || version.Definition.Members.Any(m => m.UserId == caller.UserId())))
        {
            throw new NotFoundException($"there is no project '{projectId}' that you can see");
        }
        return version;
    }

    /// <summary>The current versions the caller may see: all for an Admin, else those they are a member of.</summary>
    public async Task<IReadOnlyList<ProjectVersion>> ListAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var current = await db.CurrentVersionsOf()
            .OrderBy(v => v.ProjectId).ToListAsync(ct);
        return caller.HasRole(WorkbenchRole.Admin)
            ? current
            : [.. current.Where(v => v.Definition.Members.Any(m => m.UserId == caller.UserId()))];
    }

    public async Task<IReadOnlyList<ProjectVersion>> HistoryAsync(string projectId, ClaimsPrincipal caller, CancellationToken ct)
    {
        await GetCurrentAsync(projectId, caller, ct);
        return await db.ProjectVersions.Where(v => v.ProjectId == projectId).OrderBy(v => v.Version).ToListAsync(ct);
    }

    /// <summary>
    /// The datasets and columns the caller may read in this project, after checking membership and retention. Both
    /// the grant and the refusal are audited; a refusal is committed before it is thrown.
    /// </summary>
    public async Task<IReadOnlyList<DatasetGrant>> OpenDataAsync(string projectId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var version = await GetCurrentAsync(projectId, caller, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var refusal = OpenId.TokenPrincipals.ProjectBindingRefusal(caller, projectId)
            ?? ProjectRules.DataAccessRefusal(version.Definition, caller.UserId(), today);
        await audit.SaveChangesAsync([refusal is null
            ? AuditEvent.Create(caller.UserId(), AuditActions.DataAccessed, Subject(projectId),
                new { version = version.Version, datasets = version.Definition.Datasets })
            : AuditEvent.Create(caller.UserId(), AuditActions.DataAccessRefused, Subject(projectId),
                new { version = version.Version, reason = refusal })], ct);
        if (refusal is not null)
        {
            throw new AccessDeniedException(refusal);
        }
        return version.Definition.Datasets;
    }

    private async Task CheckAsync(ProjectDefinition definition, CancellationToken ct)
    {
        ProjectRules.CheckDefinition(definition, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var ids = definition.Members.Select(m => m.UserId).Distinct().ToList();
        var known = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationFailedException.For("members", $"unknown users: {string.Join(", ", unknown)}");
        }
    }

    private async Task SaveAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        try
        {
            await audit.SaveChangesAsync(events, ct);
        }
        catch (DbUpdateException e)
        {
            throw new ConflictException($"the project was changed at the same time by someone else: reload it and try again ({e.GetType().Name})");
        }
    }

    private static void CheckIsAdmin(ClaimsPrincipal actor)
    {
        if (!actor.HasRole(WorkbenchRole.Admin))
        {
            throw new AccessDeniedException("only an Admin may create or change projects");
        }
    }

    private static string Subject(string projectId) => $"project:{projectId}";
}
