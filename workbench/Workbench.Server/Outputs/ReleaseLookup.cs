using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Outputs;

/// <summary>Where a released output went: its release, the release date, when it was released, and any retraction.</summary>
public sealed record ReleaseInfo(
    string OutputId, string ReleaseVersion, DateOnly ReleaseDate, DateTimeOffset ReleasedAt, string Title, string ProjectId,
    DateTimeOffset? RetractedAt, string? RetractionReason);

/// <summary>A release with its outputs, as the public dashboard shows it.</summary>
public sealed record PublishedRelease(string Version, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<PublishedOutput> Outputs)
{
    /// <summary>Whether its release date (<see cref="PeriodEnd"/>) has come: until then only its checkers and Admins see it.</summary>
    public bool Public { get; init; } = true;
}

/// <summary>A released output as the public sees it: its table only, or the retraction instead of it.</summary>
public sealed record PublishedOutput(
    string OutputId, string Title, string Description, string ProjectId, DateTimeOffset ReleasedAt, PublicTable? Table, string? RetractionReason);

/// <summary>
/// Read-only queries over what has been released, for the dashboard, the API, and other features that need to know
/// which release an output ended up in (such as tracking a research question to its answer).
/// </summary>
public sealed class ReleaseLookup(WorkbenchDbContext db, TimeProvider time)
{
    /// <summary>
    /// The releases as <paramref name="caller"/> may see them today (the server's clock): every release whose release
    /// date has come, whole; before that date an output of a release only to an Admin or to an output checker
    /// assigned to the output's project, and the release not at all when none of its outputs is theirs. Figures that
    /// are not public yet never reach anyone else, whatever the API or page.
    /// </summary>
    public async Task<IReadOnlyList<PublishedRelease>> ReleasesForAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var all = await ReleasesAsync(ct);
        var admin = caller.HasRole(WorkbenchRole.Admin);
        var me = caller.UserId();
        var checks = caller.HasRole(WorkbenchRole.OutputChecker)
            ? (await db.CurrentVersionsOf().AsNoTracking().ToListAsync(ct))
                .Where(v => v.Definition.Members.Any(m => m.UserId == me && m.Role == WorkbenchRole.OutputChecker))
                .Select(v => v.ProjectId).ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. all
            .Select(r => r.PeriodEnd <= today ? r
                : r with { Outputs = [.. r.Outputs.Where(o => admin || checks.Contains(o.ProjectId))], Public = false })
            .Where(r => r.Public || r.Outputs.Count > 0)];
    }

    /// <summary>The release of <paramref name="outputId"/>, or null when it has not been released.</summary>
    public async Task<ReleaseInfo?> FindAsync(string outputId, CancellationToken ct) =>
        (await FindManyAsync([outputId], ct)).SingleOrDefault();

    /// <summary>The releases of those of <paramref name="outputIds"/> that have been released.</summary>
    public async Task<IReadOnlyList<ReleaseInfo>> FindManyAsync(IReadOnlyCollection<string> outputIds, CancellationToken ct)
    {
        var rows = await (from r in db.ReleasedOutputs.AsNoTracking()
                          where outputIds.Contains(r.OutputId)
                          join release in db.Releases on r.ReleaseVersion equals release.Version
                          join x in db.Retractions on r.OutputId equals x.OutputId into retractions
                          from x in retractions.DefaultIfEmpty()
                          select new { r, release.PeriodEnd, x }).ToListAsync(ct);
        return [.. rows.Select(a => new ReleaseInfo(a.r.OutputId, a.r.ReleaseVersion, a.PeriodEnd,
            DateTimeOffset.FromUnixTimeMilliseconds(a.r.ReleasedAtMs), a.r.Title, a.r.ProjectId, a.x?.RetractedAt, a.x?.Reason))];
    }

    /// <summary>
    /// Every release, newest first, with its outputs; retracted outputs without their figures. With
    /// <paramref name="publicOn"/>, only the releases whose release date (the period's last day) has come by that day:
    /// an approved output is bundled into its period's release at once but goes public with the release.
    /// </summary>
    public async Task<IReadOnlyList<PublishedRelease>> ReleasesAsync(CancellationToken ct, DateOnly? publicOn = null)
    {
        var releases = await db.Releases.AsNoTracking()
            .Where(r => publicOn == null || r.PeriodEnd <= publicOn)
            .ToListAsync(ct);
        var outputs = await (from r in db.ReleasedOutputs.AsNoTracking()
                             join x in db.Retractions on r.OutputId equals x.OutputId into retractions
                             from x in retractions.DefaultIfEmpty()
                             select new { r, Reason = x == null ? null : x.Reason }).ToListAsync(ct);
        return [.. releases.OrderByDescending(r => r.PeriodStart).Select(release => new PublishedRelease(
            release.Version, release.PeriodStart, release.PeriodEnd,
            [.. outputs.Where(o => o.r.ReleaseVersion == release.Version).OrderBy(o => o.r.OutputId, StringComparer.Ordinal)
                .Select(o => new PublishedOutput(o.r.OutputId, o.r.Title, o.r.Description, o.r.ProjectId,
                    DateTimeOffset.FromUnixTimeMilliseconds(o.r.ReleasedAtMs),
                    o.Reason is null ? PublicTable.FromJson(o.r.PublicTable) : null, o.Reason))]))];
    }
}
