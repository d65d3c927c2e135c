namespace Workbench.Audit;

/// <summary>What verification found wrong first.</summary>
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
}
