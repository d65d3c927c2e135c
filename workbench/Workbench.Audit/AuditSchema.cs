namespace Workbench.Audit;

/// <summary>
/// Table and column names of the audit log. The server's EF mapping uses these names and <see cref="AuditLog"/>
/// reads them directly, so the two cannot drift apart. Frozen: renaming one needs a migration on both databases.
/// </summary>
public static class AuditSchema
{
    public const string EntriesTable = "audit_entries";
    public const string CheckpointsTable = "audit_checkpoints";

    public const string Sequence = "sequence";
    public const string OccurredAtMs = "occurred_at_ms";
    public const string Actor = "actor";
    public const string Action = "action";
    public const string Subject = "subject";
    public const string Details = "details";
    public const string PreviousHash = "previous_hash";
    public const string Hash = "hash";

    public const string TreeSize = "tree_size";
    public const string RootHash = "root_hash";
    public const string SignedAtMs = "signed_at_ms";
    public const string Signature = "signature";

    /// <summary>The key of the PostgreSQL advisory lock that serialises appends to the log.</summary>
    public const long AppendLockKey = 0x5742_4155_4449_54;
}
