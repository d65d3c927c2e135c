using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Audit;
using Workbench.Cli.Infrastructure;
using Workbench.Server.Audit;
using Workbench.Server.Database;

namespace Workbench.Cli.Audit;

/// <summary>
/// <c>workbench audit verify</c>: reads the audit log straight from the server's database and checks the hash chain,
/// every signed checkpoint, that the checkpoints the policy requires are there and not stale, and that they agree with
/// the append-only checkpoint journal. Exit 0: intact. Exit 3: tampered with; the first problem is on stderr. Exit 2:
/// bad input (unknown provider, no database, malformed key or policy).
/// </summary>
internal sealed class VerifyCommand : AsyncCommand<VerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--provider <PROVIDER>")]
        [Description("Sqlite or Postgres. Default: Database__Provider, else the server's default (Sqlite).")]
        public DatabaseProvider? Provider { get; init; }

        [CommandOption("--connection-string <CS>")]
        [Description("The server's database. Default: Database__ConnectionString, else the SQLite file under WORKBENCH_HOME.")]
        public string? ConnectionString { get; init; }

        [CommandOption("--checkpoint-key-file <FILE>")]
        [Description("File holding the base64 checkpoint key. Default: Audit__CheckpointKey, else the server's embedded (Development) key.")]
        public string? CheckpointKeyFile { get; init; }

        [CommandOption("--checkpoint-journal <FILE>")]
        [Description("The server's append-only checkpoint journal. Default: Audit__CheckpointJournal, else audit-checkpoints.jsonl in the data directory.")]
        public string? CheckpointJournal { get; init; }

        [CommandOption("--checkpoint-interval <N>")]
        [Description("The server's Audit:CheckpointInterval (entries between checkpoints). Default: Audit__CheckpointInterval, else the server's.")]
        public int? CheckpointInterval { get; init; }

        [CommandOption("--checkpoint-period <TIME>")]
        [Description("The server's Audit:CheckpointPeriod (hh:mm:ss). Default: Audit__CheckpointPeriod, else the server's.")]
        public TimeSpan? CheckpointPeriod { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = ServerDefaults.Configuration();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.Provider = settings.Provider ?? database.Provider;
        database.ConnectionString = settings.ConnectionString ?? database.ConnectionString;
        var connectionString = database.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database.ConnectionString)
            ? ExistingSqliteFile(database)
            : database.ResolvedConnectionString;
        var audit = configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        var key = CheckpointKey.FromBase64(settings.CheckpointKeyFile is { } file
            ? await File.ReadAllTextAsync(file, cancellationToken)
            : audit.CheckpointKey);
        audit.CheckpointInterval = settings.CheckpointInterval ?? audit.CheckpointInterval;
        audit.CheckpointPeriod = settings.CheckpointPeriod ?? audit.CheckpointPeriod;
        audit.CheckpointJournal = settings.CheckpointJournal ?? audit.CheckpointJournal;
        var policy = audit.Policy;
        var journal = new CheckpointJournal(audit.ResolvedJournal(database));

        var result = await AuditLog.VerifyAsync(database.Provider, connectionString, key, journal, policy, TimeProvider.System.GetUtcNow(), cancellationToken);
        if (result.IsIntact)
        {
            AnsiConsole.MarkupLine($"audit log intact: {result.EntriesChecked:N0} entries, {result.CheckpointsChecked} signed checkpoints, "
                + $"the same in the journal {Markup.Escape(result.Journal ?? "")}");
            return 0;
        }
        var where = result.FirstBadSequence is { } sequence ? $" at entry {sequence}" : "";
        await Console.Error.WriteLineAsync($"audit log tampered with: {result.Problem}{where}: {result.Message} (journal {result.Journal})");
        return CliErrors.AuditLogTampered;
    }

    /// <summary>The default SQLite file, opened read-only so that a wrong WORKBENCH_HOME never creates an empty one.</summary>
    private static string ExistingSqliteFile(DatabaseOptions database)
    {
        var file = Path.Combine(database.ResolvedDataDirectory, "workbench.db");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"there is no server database at '{file}': set WORKBENCH_HOME or --connection-string", file);
        }
        return $"Data Source={file};Mode=ReadOnly";
    }
}
