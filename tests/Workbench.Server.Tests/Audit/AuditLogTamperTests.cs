using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Audit;

/// <summary>Tampering with a real SQLite file and journal written by the server, then verifying them the way the CLI does.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class AuditLogTamperTests
{
    private static readonly CheckpointKey Key = CheckpointKey.FromBase64(WorkbenchApp.CheckpointKeyBase64);
    private static readonly CheckpointPolicy Policy = new(4, CheckpointPolicy.Default.Period, CheckpointPolicy.Default.Grace);

    /// <summary>A database file holding a log of nine entries (checkpoints at 1, 4 and 8) written through the server.</summary>
    private static async Task<(WorkbenchApp App, string ConnectionString)> CreateLogAsync()
    {
        var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, checkpointInterval: 4);
        for (var i = 0; i < 9; i++)
        {
            await app.CreateUserAsync($"user{i}", "CBS", WorkbenchRole.DataScientist);
        }
        return (app, app.Database.ConnectionString);
    }

    private static CheckpointJournal JournalOf(WorkbenchApp app) => new(Path.Combine(app.Database.Directory, AuditOptions.DefaultJournalName));

    private static Task<AuditVerification> VerifyAsync(WorkbenchApp app, string connectionString) =>
        AuditLog.VerifyAsync(DatabaseProvider.Sqlite, connectionString, Key, JournalOf(app), Policy, app.Clock.GetUtcNow());

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"the tampering statement changed nothing: {sql}");
    }

    /// <summary>Deletes one entry and every checkpoint row, and rewrites the chain so that it is consistent again.</summary>
    private static async Task DeleteAndRecomputeAsync(string connectionString, long sequence, Func<IReadOnlyList<AuditEntry>, IEnumerable<AuditCheckpoint>> resign)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var kept = new List<AuditEntry>();
        await using (var read = new SqliteCommand("SELECT sequence, occurred_at_ms, actor, action, subject, details FROM audit_entries ORDER BY sequence", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (reader.GetInt64(0) == sequence) continue;
                kept.Add(AuditEntry.Next(kept.LastOrDefault(), new AuditEvent(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
            }
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var clear = new SqliteCommand("DELETE FROM audit_checkpoints; DELETE FROM audit_entries;", connection, transaction))
        {
            await clear.ExecuteNonQueryAsync();
        }
        foreach (var e in kept)
        {
            await using var insert = new SqliteCommand(
                "INSERT INTO audit_entries (sequence, occurred_at_ms, actor, action, subject, details, previous_hash, hash) VALUES ($s, $t, $a, $c, $u, $d, $p, $h)",
                connection, transaction);
            insert.Parameters.AddWithValue("$s", e.Sequence); insert.Parameters.AddWithValue("$t", e.OccurredAtMs);
            insert.Parameters.AddWithValue("$a", e.Actor); insert.Parameters.AddWithValue("$c", e.Action);
            insert.Parameters.AddWithValue("$u", e.Subject); insert.Parameters.AddWithValue("$d", e.Details);
            insert.Parameters.AddWithValue("$p", e.PreviousHash); insert.Parameters.AddWithValue("$h", e.Hash);
            await insert.ExecuteNonQueryAsync();
        }
        foreach (var c in resign(kept))
        {
            await using var insert = new SqliteCommand(
                "INSERT INTO audit_checkpoints (tree_size, root_hash, signed_at_ms, signature) VALUES ($n, $r, $t, $s)", connection, transaction);
            insert.Parameters.AddWithValue("$n", c.TreeSize); insert.Parameters.AddWithValue("$r", c.RootHash);
            insert.Parameters.AddWithValue("$t", c.SignedAtMs); insert.Parameters.AddWithValue("$s", c.Signature);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task VerifyAsync_UntouchedFile_IsIntact()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        var result = await VerifyAsync(app, connectionString);
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal((9L, 3), (result.EntriesChecked, result.CheckpointsChecked));
        Assert.Equal([1L, 4L, 8L], JournalOf(app).Read().Checkpoints.Select(c => c.TreeSize));
    }

    [Fact]
    public async Task VerifyAsync_EntryAndCheckpointRowsDeletedAndChainRecomputed_Fails()
    {
        // The reported attack, on the server's own file: without checkpoints from the first entry on it verified as intact.
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        await DeleteAndRecomputeAsync(connectionString, 5, _ => []);
        var result = await VerifyAsync(app, connectionString);
        Assert.Equal(AuditProblem.CheckpointMissing, result.Problem);
    }

    [Fact]
    public async Task VerifyAsync_ChainRecomputedAndCheckpointsResignedWithTheKey_FailsOnTheJournal()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        var at = app.Clock.GetUtcNow();
        await DeleteAndRecomputeAsync(connectionString, 2, kept => kept.Where(e => Policy.IsDueAt(e.Sequence))
            .Select(e => AuditCheckpoint.Sign([.. kept.Take((int)e.Sequence).Select(k => k.Hash)], at, Key)));
        var result = await VerifyAsync(app, connectionString);
        Assert.Equal(AuditProblem.CheckpointRootMismatch, result.Problem);
        Assert.Contains("journal's", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointRowDeleted_DisagreesWithTheJournal()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A timer checkpoint over all nine: deleting its row leaves no gap the policy would notice.
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().CheckpointAsync(CancellationToken.None);
        }
        await ExecuteAsync(connectionString, "DELETE FROM audit_checkpoints WHERE tree_size = 9");
        var result = await VerifyAsync(app, connectionString);
        Assert.Equal(AuditProblem.JournalMismatch, result.Problem);
    }

    [Fact]
    public async Task Journal_WrittenByTheServer_IsOwnerOnlyAndSealedWhereTheKernelAllows()
    {
        var (app, _) = await CreateLogAsync();
        await using var __ = app;
        var journal = JournalOf(app);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(journal.Path));
        if (Environment.IsPrivilegedProcess) // root holds CAP_LINUX_IMMUTABLE on the test machines: the attribute must hold
        {
            Assert.True(journal.Protection().Held, journal.Protection().Description);
            Assert.ThrowsAny<UnauthorizedAccessException>(() => File.WriteAllText(journal.Path, ""));
            Assert.ThrowsAny<UnauthorizedAccessException>(() => File.Delete(journal.Path));
            Assert.Equal(3, journal.Read().Checkpoints.Count);
        }
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET details = '{\"roles\":[\"Admin\"]}' WHERE sequence = 3", AuditProblem.EntryAltered, 3L)]
    [InlineData("UPDATE audit_entries SET actor = 'someone-else' WHERE sequence = 6", AuditProblem.EntryAltered, 6L)]
    [InlineData("UPDATE audit_entries SET occurred_at_ms = occurred_at_ms + 1 WHERE sequence = 1", AuditProblem.EntryAltered, 1L)]
    [InlineData("DELETE FROM audit_entries WHERE sequence = 5", AuditProblem.EntryMissing, 5L)]
    [InlineData("UPDATE audit_entries SET sequence = sequence + 100 WHERE sequence = 2", AuditProblem.EntryMissing, 2L)]
    [InlineData("DELETE FROM audit_entries WHERE sequence >= 7", AuditProblem.LogTruncated, 7L)]
    public async Task VerifyAsync_TamperedFile_ReportsFirstBadEntry(string tampering, AuditProblem problem, long firstBad)
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        await ExecuteAsync(connectionString, tampering);
        var result = await VerifyAsync(app, connectionString);
        Assert.Equal((problem, (long?)firstBad), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task VerifyAsync_EditedCheckpointRoot_IsRejected()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        await ExecuteAsync(connectionString, $"UPDATE audit_checkpoints SET root_hash = '{new string('a', 64)}' WHERE tree_size = 8");
        var result = await VerifyAsync(app, connectionString);
        Assert.Equal((AuditProblem.CheckpointSignatureInvalid, 2), (result.Problem, result.CheckpointsChecked));
    }

    [Fact]
    public async Task VerifyAsync_WrongKey_RejectsTheCheckpoints()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        var result = await AuditLog.VerifyAsync(DatabaseProvider.Sqlite, connectionString,
            CheckpointKey.FromBase64(Convert.ToBase64String(new byte[32])), JournalOf(app), Policy, app.Clock.GetUtcNow());
        Assert.Equal(AuditProblem.CheckpointSignatureInvalid, result.Problem);
    }
}
