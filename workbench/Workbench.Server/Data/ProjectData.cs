using System.Security.Claims;
using Workbench.Audit;
using Workbench.Microdata.Store;
using Workbench.Server.Audit;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.OpenId;
using Workbench.Server.Projects;

namespace Workbench.Server.Data;

/// <summary>One page of a dataset of a project's view: only allowlisted columns, keys as project pseudonyms.</summary>
public sealed record DataPage(
    string Project, int Version, string Dataset, IReadOnlyList<string> Columns, int Offset, int Limit, long Total,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

/// <summary>A project's view file as delivered to its kernel; <paramref name="Tag"/> changes whenever the view does.</summary>
public sealed record ProjectViewFile(string Path, string Tag, bool Unchanged);

/// <summary>
/// Serves rows of a project's allowlisted datasets to its data scientists, from the project's view (see
/// <see cref="ProjectViewFiles"/>). Checks, in order: the project is visible to the caller (else 404), a
/// project-bound token is bound to this project, the retention period lasts and the caller is one of the project's
/// data scientists, the dataset is allowlisted (else 403 with the reason). Every read and every refusal is audited;
/// rows leave only after their audit entry is committed.
/// </summary>
public sealed class ProjectData(ProjectChanges projects, ProjectViewFiles views, AuditTrail audit, TimeProvider time)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public async Task<DataPage> ReadAsync(
        string projectId, string dataset, int? limit, int? offset, ClaimsPrincipal caller, CancellationToken ct)
    {
        var take = Math.Min(limit ?? DefaultLimit, MaxLimit);
        var skip = offset ?? 0;
        if (take < 1 || skip < 0)
        {
            throw ValidationFailedException.For(take < 1 ? "limit" : "offset",
                take < 1 ? $"limit must be between 1 and {MaxLimit}" : "offset must be 0 or more");
        }
        var version = await projects.GetCurrentAsync(projectId, caller, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var grant = version.Definition.Datasets.FirstOrDefault(d => d.Dataset == dataset);
        var refusal = TokenPrincipals.ProjectBindingRefusal(caller, projectId)
            ?? ProjectRules.DataAccessRefusal(version.Definition, caller.UserId(), today)
            ?? (grant is null ? $"dataset '{dataset}' is not allowlisted for project {projectId} (allowed: {string.Join(", ", version.Definition.Datasets.Select(d => d.Dataset))})" : null);
        if (refusal is not null)
        {
            await audit.SaveChangesAsync([AuditEvent.Create(caller.UserId(), AuditActions.DataAccessRefused, Subject(projectId),
                new { version = version.Version, dataset, reason = refusal })], ct);
            throw new AccessDeniedException(refusal);
        }

        var viewPath = await views.EnsureAsync(version, ct);
        var columns = grant!.Columns;
        long total;
        List<IReadOnlyDictionary<string, object?>> rows;
        using (var view = AnalyticalStore.OpenReadOnly(viewPath))
        {
            var table = Quote(dataset);
            total = Convert.ToInt64(view.Query($"SELECT count(*) AS n FROM {table}").Columns[0][0], System.Globalization.CultureInfo.InvariantCulture);
            // rowid is the order the view was written in: stable between pages of the same view.
            var frame = view.Query(
                $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {table} ORDER BY rowid LIMIT $limit OFFSET $offset",
                new Dictionary<string, object?> { ["limit"] = (long)take, ["offset"] = (long)skip });
            rows = new List<IReadOnlyDictionary<string, object?>>((int)frame.Rows.Count);
            for (long r = 0; r < frame.Rows.Count; r++)
            {
                var row = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
                for (var c = 0; c < frame.Columns.Count; c++)
                {
                    row[frame.Columns[c].Name] = frame.Columns[c][r];
                }
                rows.Add(row);
            }
        }
        await audit.SaveChangesAsync([AuditEvent.Create(caller.UserId(), AuditActions.DataRowsRead, Subject(projectId),
            new { version = version.Version, dataset, columns, offset = skip, rows = rows.Count })], ct);
        return new DataPage(projectId, version.Version, dataset, columns, skip, take, total, rows);
    }

    /// <summary>
    /// The project's whole view file for its kernel (which mounts it read-only into the sandbox), with the same checks
    /// as <see cref="ReadAsync"/> for every allowlisted dataset at once. <paramref name="knownTag"/> is the tag of the
    /// copy the caller already has: when the view has not changed since, nothing is delivered (and nothing audited).
    /// </summary>
    public async Task<ProjectViewFile> ViewAsync(string projectId, string? knownTag, ClaimsPrincipal caller, CancellationToken ct)
    {
        var version = await projects.GetCurrentAsync(projectId, caller, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var refusal = TokenPrincipals.ProjectBindingRefusal(caller, projectId)
            ?? ProjectRules.DataAccessRefusal(version.Definition, caller.UserId(), today);
        if (refusal is not null)
        {
            await audit.SaveChangesAsync([AuditEvent.Create(caller.UserId(), AuditActions.DataAccessRefused, Subject(projectId),
                new { version = version.Version, dataset = "(view)", reason = refusal })], ct);
            throw new AccessDeniedException(refusal);
        }
        var path = await views.EnsureAsync(version, ct);
        var tag = await views.TagAsync(path, ct);
        if (tag == knownTag)
        {
            return new ProjectViewFile(path, tag, Unchanged: true);
        }
        await audit.SaveChangesAsync([AuditEvent.Create(caller.UserId(), AuditActions.DataViewDelivered, Subject(projectId),
            new { version = version.Version, datasets = version.Definition.Datasets.Select(d => d.Dataset).ToArray(), bytes = new FileInfo(path).Length, tag })], ct);
        return new ProjectViewFile(path, tag, Unchanged: false);
    }

    // The names come from the schema (checked when the project was saved); quoting keeps them identifiers all the same.
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Subject(string projectId) => $"project:{projectId}";
}
