namespace Workbench.Audit;

/// <summary>What verification found wrong first. Stored and returned by number: new values only at the end.</summary>
public enum AuditProblem
{
    /// <summary>Nothing: the log is intact.</summary>
    None,

    /// <summary>A sequence number is missing or out of place: an entry was deleted or the entries reordered.</summary>
    EntryMissing,

    /// <summary>An entry's fields no longer produce its hash: the entry was edited.</summary>
    EntryAltered,

    /// <summary>An entry does not point at the hash of the entry before it: the chain was cut or spliced.</summary>
    ChainBroken,

    /// <summary>A checkpoint's signature is not the key's: the checkpoint was forged or edited.</summary>
    CheckpointSignatureInvalid,

    /// <summary>The entries a checkpoint covers no longer have its Merkle root: the chain was rewritten.</summary>
    CheckpointRootMismatch,

    /// <summary>A checkpoint covers more entries than the log holds: entries were removed from its end.</summary>
    LogTruncated,

    /// <summary>
    /// A checkpoint the policy requires is not there: none after the first entry, or more than the interval entries
    /// between two checkpoints. Checkpoint rows were deleted (or the log predates checkpoints from the first entry).
    /// </summary>
    CheckpointMissing,

    /// <summary>
    /// The newest checkpoint is older than the chain allows: more than the interval entries after it, or entries after
    /// it older than the checkpoint period allows. The uncovered entries could have been rewritten unnoticed.
    /// </summary>
    CheckpointStale,

    /// <summary>The append-only checkpoint journal is missing or cannot be read where the log needs it.</summary>
    JournalUnreadable,

    /// <summary>The database's checkpoints and the append-only journal's disagree: rows deleted, added or re-signed.</summary>
    JournalMismatch,
}
