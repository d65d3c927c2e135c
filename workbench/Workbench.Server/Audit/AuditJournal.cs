using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Database;

namespace Workbench.Server.Audit;

/// <summary>
/// The server's append-only checkpoint journal (see <see cref="CheckpointJournal"/> for the threat model): every
/// checkpoint the server commits is appended here right after its transaction, and the file is sealed append-only when
/// it is created, where the server's account may do that. A failed append never undoes a committed change; the next
/// tick of <see cref="AuditCheckpointTimer"/> appends what the journal lacks.
/// </summary>
public sealed partial class AuditJournal(IOptions<AuditOptions> options, IOptions<DatabaseOptions> database, ILogger<AuditJournal> logger)
{
    private readonly Lock _creating = new();

    public CheckpointJournal Journal { get; } = new(options.Value.ResolvedJournal(database.Value));

    /// <summary>Appends the checkpoints a transaction committed; logs (and leaves to the next tick) what it cannot write.</summary>
    public void AppendCommitted(IReadOnlyCollection<AuditCheckpoint> checkpoints)
    {
        if (checkpoints.Count == 0) return;
        try
        {
            lock (_creating)
            {
                var created = !File.Exists(Journal.Path);
                var folder = Path.GetDirectoryName(Journal.Path)!;
                if (created && !Directory.Exists(folder)) OwnerOnlyDataDirectory.EnsureDirectory(folder);
                Journal.Append(checkpoints);
                if (created)
                {
                    var status = options.Value.SealCheckpointJournal ? Journal.Seal() : Journal.Protection();
                    JournalCreated(logger, Journal.Path, status.Description);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AppendFailed(logger, Journal.Path, e);
        }
    }

    /// <summary>Appends the database's validly signed checkpoints the journal lacks (a crash between commit and append).</summary>
    public int Repair(IReadOnlyList<AuditCheckpoint> stored, CheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var contents = Journal.Read();
        if (contents.Error is not null) return 0; // never write after a line that is not a checkpoint; verify reports it
        var present = contents.Checkpoints.Select(c => c.TreeSize).ToHashSet();
        var missing = stored.Where(c => !present.Contains(c.TreeSize) && c.HasValidSignature(key)).OrderBy(c => c.TreeSize).ToList();
        if (missing.Count > 0)
        {
            AppendCommitted(missing);
            Repaired(logger, missing.Count, Journal.Path);
        }
        return missing.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the audit checkpoint journal {Path}: {Protection}")]
    private static partial void JournalCreated(ILogger logger, string path, string protection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not append to the audit checkpoint journal {Path}; the next checkpoint tick retries")]
    private static partial void AppendFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appended {Count} committed checkpoints the audit checkpoint journal {Path} lacked")]
    private static partial void Repaired(ILogger logger, int count, string path);
}
