using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Database;

namespace Workbench.Server.Audit;

/// <summary>A search of the audit log: every filter optional, newest first.</summary>
public sealed record AuditQuery(
    string? Actor = null, string? Action = null, string? Subject = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, int Skip = 0, int Take = 100)
{
    public const int MaxTake = 10_000;

    public IQueryable<AuditEntry> Apply(WorkbenchDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor)) { entries = entries.Where(e => e.Actor == Actor); }
        if (!string.IsNullOrWhiteSpace(Action)) { entries = entries.Where(e => e.Action == Action); }
        if (!string.IsNullOrWhiteSpace(Subject)) { entries = entries.Where(e => e.Subject.StartsWith(Subject)); }
        if (From is { } from) { var ms = from.ToUnixTimeMilliseconds(); entries = entries.Where(e => e.OccurredAtMs >= ms); }
        if (To is { } to) { var ms = to.ToUnixTimeMilliseconds(); entries = entries.Where(e => e.OccurredAtMs < ms); }
        return entries.OrderByDescending(e => e.Sequence).Skip(Math.Max(0, Skip)).Take(Math.Clamp(Take, 1, MaxTake));
    }
}
