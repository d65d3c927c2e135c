using Microsoft.Data.Sqlite;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Audit;

/// <summary>Tampering with a real SQLite file written by the server, then verifying it the way the CLI will.</summary>
public class AuditLogTamperTests
{
    private static readonly CheckpointKey Key = CheckpointKey.FromBase64(WorkbenchApp.CheckpointKeyBase64);

    /// <summary>A database file holding a log of nine entries (checkpoints at 4 and 8) written through the server.</summary>
    private static async Task<(WorkbenchApp App, string ConnectionString)> CreateLogAsync()
    {
        var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, checkpointInterval: 4);
        for (var i = 0; i < 9; i++)
        {
            await app.CreateUserAsync($"user{i}", "CBS", WorkbenchRole.DataScientist);
        }
        return (app, app.Database.ConnectionString);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"the tampering statement changed nothing: {sql}");
    }

    [Fact]
    public async Task VerifyAsync_UntouchedFile_IsIntact()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        var result = await AuditLog.VerifyAsync(DatabaseProvider.Sqlite, connectionString, Key);
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal((9L, 2), (result.EntriesChecked, result.CheckpointsChecked));
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
        var result = await AuditLog.VerifyAsync(DatabaseProvider.Sqlite, connectionString, Key);
        Assert.Equal((problem, (long?)firstBad), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task VerifyAsync_EditedCheckpointRoot_IsRejected()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        await ExecuteAsync(connectionString, $"UPDATE audit_checkpoints SET root_hash = '{new string('a', 64)}' WHERE tree_size = 8");
        var result = await AuditLog.VerifyAsync(DatabaseProvider.Sqlite, connectionString, Key);
        Assert.Equal((AuditProblem.CheckpointSignatureInvalid, 1), (result.Problem, result.CheckpointsChecked));
    }

    [Fact]
    public async Task VerifyAsync_WrongKey_RejectsTheCheckpoints()
    {
        var (app, connectionString) = await CreateLogAsync();
        await using var _ = app;
        var result = await AuditLog.VerifyAsync(DatabaseProvider.Sqlite, connectionString,
            CheckpointKey.FromBase64(Convert.ToBase64String(new byte[32])));
        Assert.Equal(AuditProblem.CheckpointSignatureInvalid, result.Problem);
    }
}
