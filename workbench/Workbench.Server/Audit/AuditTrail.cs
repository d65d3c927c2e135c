using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Database;

namespace Workbench.Server.Audit;

/// <summary>
/// Writes audit entries in the same transaction as the change they record. Appends are serialised per log so that
/// two writers can never give out the same sequence number or chain to the same previous entry: PostgreSQL takes a
/// transaction-scoped advisory lock, SQLite's transactions already hold the single write lock, and the primary key on
/// the sequence number refuses a fork on both.
/// </summary>
public sealed class AuditTrail(WorkbenchDbContext db, TimeProvider time, IOptions<AuditOptions> options)
{
    /// <summary>Saves the pending changes of the context together with <paramref name="events"/>, atomically.</summary>
    public Task SaveChangesAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken) =>
        RunAsync(() => Task.FromResult((true, events)), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> (which may save changes itself, as Identity's managers do) and appends the events
    /// it returns, all in one transaction; nothing is committed if either fails.
    /// </summary>
    public async Task<T> RunAsync<T>(
        Func<Task<(T Result, IReadOnlyList<AuditEvent> Events)>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("the audit trail owns the transaction; do not start one around it");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (result, events) = await work();
        await AppendAsync(events, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditSchema.AppendLockKey})", cancellationToken);
        }
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var interval = Math.Max(1, options.Value.CheckpointInterval);
        foreach (var auditEvent in events)
        {
            last = AuditEntry.Next(last, auditEvent, now);
            db.AuditEntries.Add(last);
            if (last.Sequence % interval == 0)
            {
                await AddCheckpointAsync(last, now, cancellationToken);
            }
        }
    }

    private async Task AddCheckpointAsync(AuditEntry upTo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence <= upTo.Sequence)
            .OrderBy(e => e.Sequence).Select(e => e.Hash).ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).Where(e => e.Sequence <= upTo.Sequence).OrderBy(e => e.Sequence).Select(e => e.Hash);
        db.AuditCheckpoints.Add(AuditCheckpoint.Sign([.. stored, .. pending], now, options.Value.Key));
    }
}
