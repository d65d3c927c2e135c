using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workbench.Audit;

/// <summary>
/// Reads the audit log straight from the database and verifies it. This is the entry point of
/// <c>workbench audit verify</c>: it needs only the connection string and the checkpoint key, not the server.
/// </summary>
public static class AuditLog
{
    /// <summary>
    /// Reads every entry and checkpoint from the database and the journal's lines, and verifies them with
    /// <see cref="AuditVerifier"/> under <paramref name="policy"/> at <paramref name="now"/>.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(
        DatabaseProvider provider, string connectionString, CheckpointKey checkpointKey, CheckpointJournal journal,
        CheckpointPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await VerifyAsync(connection, checkpointKey, journal, policy, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verifies the log through an open connection (the server passes its own).</summary>
    public static async Task<AuditVerification> VerifyAsync(
        DbConnection connection, CheckpointKey checkpointKey, CheckpointJournal journal, CheckpointPolicy policy,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(journal);
        // The journal first, then one snapshot of the database: the server appends a checkpoint to the journal only after
        // its transaction committed, so every line read here is in the snapshot unless someone removed it.
        var lines = journal.Read();
        await using var snapshot = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var entries = await ReadEntriesAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var checkpoints = await ReadCheckpointsAsync(snapshot, cancellationToken).ConfigureAwait(false);
        await snapshot.RollbackAsync(cancellationToken).ConfigureAwait(false);
        var result = AuditVerifier.Verify(entries, checkpoints, lines, checkpointKey, policy, now);
        return result with { Journal = $"{journal.Path}: {journal.Protection().Description}" };
    }

    private static DbConnection Open(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown database provider"),
    };

    private static async Task<List<AuditEntry>> ReadEntriesAsync(DbTransaction snapshot, CancellationToken ct)
    {
        await using var command = snapshot.Connection!.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText =
            $"SELECT {AuditSchema.Sequence}, {AuditSchema.OccurredAtMs}, {AuditSchema.Actor}, {AuditSchema.Action}, " +
            $"{AuditSchema.Subject}, {AuditSchema.Details}, {AuditSchema.PreviousHash}, {AuditSchema.Hash} " +
            $"FROM {AuditSchema.EntriesTable} ORDER BY {AuditSchema.Sequence}";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }
        return entries;
    }

    private static async Task<List<AuditCheckpoint>> ReadCheckpointsAsync(DbTransaction snapshot, CancellationToken ct)
    {
        await using var command = snapshot.Connection!.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText =
            $"SELECT {AuditSchema.TreeSize}, {AuditSchema.RootHash}, {AuditSchema.SignedAtMs}, {AuditSchema.Signature} " +
            $"FROM {AuditSchema.CheckpointsTable} ORDER BY {AuditSchema.TreeSize}";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var checkpoints = new List<AuditCheckpoint>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            checkpoints.Add(new AuditCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }
        return checkpoints;
    }
}
