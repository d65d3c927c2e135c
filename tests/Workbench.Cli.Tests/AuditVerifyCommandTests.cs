using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Workbench.Server;

namespace Workbench.Cli.Tests;

/// <summary>
/// <c>workbench audit verify</c> on a database the real server wrote (its Development start-up seeds seven demo users and
/// three demo questions: 7 + 9 audit entries, with checkpoints signed after the first and at every second entry, each also
/// in the append-only journal), untouched and tampered with.
/// </summary>
public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Database => _dir[".workbench/workbench.db"];

    private async Task WriteServerLogAsync()
    {
        await using (var app = WorkbenchServer.Build(WorkbenchServer.HostedOptions("Development",
            [$"--Database:DataDirectory={_dir[".workbench"]}", "--Audit:CheckpointInterval=2", "--Logging:LogLevel:Default=Warning"])))
        {
            await app.PrepareAsync();
        }
        SqliteConnection.ClearAllPools();
    }

    private async Task TamperAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"the tampering changed nothing: {sql}");
    }

    [Fact]
    public async Task Verify_UntouchedServerLog_ExitsZero()
    {
        await WriteServerLogAsync();

        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify");

        Assert.True(result.ExitCode == 0, result.Stderr);
        // The demo seeds 16 entries for its users and questions and one per example notebook project (notebooks/projects.json).
        Assert.Contains("audit log intact: 20 entries, 11 signed checkpoints", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("audit-checkpoints.jsonl", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET details = '{\"roles\":[\"Admin\"]}' WHERE sequence = 3", "EntryAltered at entry 3")]
    [InlineData("DELETE FROM audit_entries WHERE sequence = 2", "EntryMissing at entry 2")]
    [InlineData("DELETE FROM audit_entries WHERE sequence >= 4", "LogTruncated at entry 4")]
    [InlineData("UPDATE audit_checkpoints SET root_hash = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' WHERE tree_size = 4", "CheckpointSignatureInvalid")]
    [InlineData("DELETE FROM audit_checkpoints", "CheckpointMissing at entry 1")]
    [InlineData("DELETE FROM audit_checkpoints WHERE tree_size = 1", "CheckpointMissing at entry 1")]
    [InlineData("DELETE FROM audit_checkpoints WHERE tree_size > 10", "CheckpointStale at entry 11")]
    [InlineData("DELETE FROM audit_checkpoints WHERE tree_size = 6", "CheckpointMissing at entry 5")]
    public async Task Verify_TamperedServerLog_ExitsThreeWithFirstBadEntryOnStderr(string tampering, string expected)
    {
        await WriteServerLogAsync();
        await TamperAsync(tampering);

        // Verified under the policy the server wrote it with, as an operator does (Audit__CheckpointInterval).
        var result = await CliRunner.RunAsync(_dir.Path, new Dictionary<string, string> { ["Audit__CheckpointInterval"] = "2" }, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnotherKey_ExitsThreeBecauseTheCheckpointsAreNotItsSignatures()
    {
        await WriteServerLogAsync();
        await File.WriteAllTextAsync(_dir["other.key"], Convert.ToBase64String(new byte[32]));

        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify", "--checkpoint-key-file", _dir["other.key"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("CheckpointSignatureInvalid", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EntryAndCheckpointsDeletedAndChainRecomputed_ExitsThree()
    {
        // The reported attack: it verified as intact while checkpoints came only every interval entries.
        await WriteServerLogAsync();
        await TamperAsync("""
            DELETE FROM audit_checkpoints;
            DELETE FROM audit_entries WHERE sequence > 2;
            """);

        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("CheckpointMissing", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_JournalElsewhere_ExitsThreeNamingIt()
    {
        await WriteServerLogAsync();

        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify", "--checkpoint-journal", _dir["elsewhere.jsonl"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("JournalUnreadable", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("elsewhere.jsonl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ExplicitProviderAndConnectionString_ReadsThatDatabase()
    {
        await WriteServerLogAsync();

        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify", "--provider", "Sqlite", "--connection-string", $"Data Source={Database};Mode=ReadOnly");

        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Fact]
    public async Task Verify_NoDatabase_ExitsTwoAndCreatesNone()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no server database", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Verify_UnknownProvider_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify", "--provider", "Oracle");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Oracle", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ShortKey_ExitsTwoSayingSo()
    {
        await WriteServerLogAsync();
        await File.WriteAllTextAsync(_dir["short.key"], Convert.ToBase64String(new byte[16]));

        var result = await CliRunner.RunAsync(_dir.Path, "audit", "verify", "--checkpoint-key-file", _dir["short.key"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least 32", result.Stderr, StringComparison.Ordinal);
    }
}
