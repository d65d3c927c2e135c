using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Database;

namespace Workbench.Server.Audit;

/// <summary>
/// Writes audit entries in the same transaction as the change they record. Appends are serialised per log so that
/// two writers can never give out the same sequence number or chain to the same previous entry: PostgreSQL takes a
/// transaction-scoped advisory lock, SQLite's transactions already hold the single write lock, and the primary key on
/// the sequence number refuses a fork on both. Checkpoints follow the <see cref="CheckpointPolicy"/> (after the first
/// entry, every interval, and on the timer) and go to the append-only journal once their transaction committed.
/// </summary>
public sealed class AuditTrail(WorkbenchDbContext db, TimeProvider time, IOptions<AuditOptions> options, AuditJournal journal)
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
        EnsureNoTransaction();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (result, events) = await work();
        var checkpoints = await AppendAsync(events, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        journal.AppendCommitted(checkpoints);
        return result;
    }

    /// <summary>
    /// The timer's checkpoint: signs one over the whole log when entries were added since the newest checkpoint, and
    /// appends to the journal any committed checkpoint it lacks. Returns the new checkpoint, or null when none was due.
    /// </summary>
    public async Task<AuditCheckpoint?> CheckpointAsync(CancellationToken cancellationToken)
    {
        EnsureNoTransaction();
        AuditCheckpoint? written = null;
        if (await IsBehindAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockAsync(cancellationToken);
            if (await IsBehindAsync(cancellationToken)) // again under the lock: a writer may have checkpointed meanwhile
            {
                var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync(cancellationToken);
                written = await AddCheckpointAsync(last, time.GetUtcNow(), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            if (written is not null) journal.AppendCommitted([written]);
        }
        var stored = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync(cancellationToken);
        journal.Repair(stored, options.Value.Key);
        return written;
    }

    private async Task<bool> IsBehindAsync(CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var covered = await db.AuditCheckpoints.MaxAsync(c => (long?)c.TreeSize, cancellationToken) ?? 0;
        return entries > covered;
    }

    private void EnsureNoTransaction()
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("the audit trail owns the transaction; do not start one around it");
        }
    }

    private async Task LockAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditSchema.AppendLockKey})", cancellationToken);
        }
    }

    private async Task<List<AuditCheckpoint>> AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var checkpoints = new List<AuditCheckpoint>();
        if (events.Count == 0)
        {
            return checkpoints;
        }
        await LockAsync(cancellationToken);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var policy = options.Value.Policy;
        foreach (var auditEvent in events)
        {
            last = AuditEntry.Next(last, auditEvent, now);
            db.AuditEntries.Add(last);
            if (policy.IsDueAt(last.Sequence))
            {
                checkpoints.Add(await AddCheckpointAsync(last, now, cancellationToken));
            }
        }
        return checkpoints;
    }

    private async Task<AuditCheckpoint> AddCheckpointAsync(AuditEntry upTo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence <= upTo.Sequence)
            .OrderBy(e => e.Sequence).Select(e => e.Hash).ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).Where(e => e.Sequence <= upTo.Sequence).OrderBy(e => e.Sequence).Select(e => e.Hash);
        var checkpoint = AuditCheckpoint.Sign([.. stored, .. pending], now, options.Value.Key);
        db.AuditCheckpoints.Add(checkpoint);
        return checkpoint;
    }
}
