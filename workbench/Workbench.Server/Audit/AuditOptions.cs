using Workbench.Audit;
using Workbench.Server.Database;

namespace Workbench.Server.Audit;

/// <summary>Audit settings. The checkpoint key comes from configuration (base64, at least 32 bytes), never from code.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The journal's file name in the data directory when <see cref="CheckpointJournal"/> is not set.</summary>
    public const string DefaultJournalName = "audit-checkpoints.jsonl";

    /// <summary>The HMAC-SHA256 key that signs checkpoints, base64.</summary>
    public string? CheckpointKey { get; set; }

    /// <summary>A signed checkpoint follows the first entry and every multiple of this many entries.</summary>
    public int CheckpointInterval { get; set; } = (int)CheckpointPolicy.Default.Interval;

    /// <summary>The timer: a checkpoint is written this often when entries were added since the last one.</summary>
    public TimeSpan CheckpointPeriod { get; set; } = CheckpointPolicy.Default.Period;

    /// <summary>How late a timer checkpoint may be (and a verifier's clock off) before verification calls it stale.</summary>
    public TimeSpan CheckpointGrace { get; set; } = CheckpointPolicy.Default.Grace;

    /// <summary>
    /// The append-only file every checkpoint is also written to (default: <see cref="DefaultJournalName"/> in the data
    /// directory). In production put it in a directory the server's account cannot rename, sealed with chattr +a.
    /// </summary>
    public string? CheckpointJournal { get; set; }

    /// <summary>Set the append-only attribute on the journal when creating it (takes effect only with CAP_LINUX_IMMUTABLE).</summary>
    public bool SealCheckpointJournal { get; set; } = true;

    public CheckpointKey Key => Workbench.Audit.CheckpointKey.FromBase64(CheckpointKey);

    public CheckpointPolicy Policy => new(CheckpointInterval, CheckpointPeriod, CheckpointGrace);

    public string ResolvedJournal(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Path.GetFullPath(CheckpointJournal is { Length: > 0 } file ? file : Path.Combine(database.ResolvedDataDirectory, DefaultJournalName));
    }

    internal static bool HasValidKey(AuditOptions options)
    {
        try
        {
            _ = options.Key;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static bool HasValidPolicy(AuditOptions options)
    {
        try
        {
            _ = options.Policy;
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
