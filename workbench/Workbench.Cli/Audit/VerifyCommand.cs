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
/// <c>workbench audit verify</c>: reads the audit log straight from the server's database and checks the hash chain
/// and every signed checkpoint. Exit 0: intact. Exit 3: tampered with; the first bad entry is on stderr. Exit 2:
/// bad input (unknown provider, no database, malformed key).
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
        var key = CheckpointKey.FromBase64(settings.CheckpointKeyFile is { } file
            ? await File.ReadAllTextAsync(file, cancellationToken)
            : configuration.GetSection(AuditOptions.Section).Get<AuditOptions>()?.CheckpointKey);

        var result = await AuditLog.VerifyAsync(database.Provider, connectionString, key, cancellationToken);
        if (result.IsIntact)
        {
            AnsiConsole.MarkupLine($"audit log intact: {result.EntriesChecked:N0} entries, {result.CheckpointsChecked} signed checkpoints");
            return 0;
        }
        var where = result.FirstBadSequence is { } sequence ? $" at entry {sequence}" : "";
        await Console.Error.WriteLineAsync($"audit log tampered with: {result.Problem}{where}: {result.Message}");
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
