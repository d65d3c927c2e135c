namespace Workbench.Audit;

/// <summary>
/// One entry of the append-only audit log. <see cref="Hash"/> is SHA-256 over the canonical encoding of every other
/// field (see <see cref="AuditHashing"/>), and <see cref="PreviousHash"/> is the hash of the entry before it, so an
/// edit, a deletion or a reordering breaks the chain at the first entry it touches.
/// </summary>
/// <param name="Sequence">Position in the log, starting at 1, without gaps.</param>
/// <param name="OccurredAtMs">When it happened, in Unix milliseconds (portable and exact on every database).</param>
/// <param name="Actor">Who acted: a user id, or <c>system</c>, or <c>anonymous:&lt;user name&gt;</c> for failed sign-ins.</param>
/// <param name="Action">What happened, a frozen dotted name such as <c>project.created</c> (see <see cref="AuditActions"/>).</param>
/// <param name="Subject">What it happened to, such as <c>project:P-2026-001</c> or <c>user:alice</c>.</param>
/// <param name="Details">A JSON object with the data of the event, hashed exactly as stored.</param>
/// <param name="PreviousHash">Hex SHA-256 of the previous entry; 64 zeros for the first.</param>
/// <param name="Hash">Hex SHA-256 of this entry's canonical encoding.</param>
public sealed record AuditEntry(
    long Sequence, long OccurredAtMs, string Actor, string Action, string Subject, string Details,
    string PreviousHash, string Hash)
{
    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt => DateTimeOffset.FromUnixTimeMilliseconds(OccurredAtMs);

    /// <summary>The entry that follows <paramref name="previous"/> (or starts the log) and records <paramref name="auditEvent"/>.</summary>
    public static AuditEntry Next(AuditEntry? previous, AuditEvent auditEvent, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? AuditHashing.GenesisHash;
        var at = occurredAt.ToUnixTimeMilliseconds();
        var hash = AuditHashing.EntryHash(sequence, at, auditEvent.Actor, auditEvent.Action, auditEvent.Subject,
            auditEvent.Details, previousHash);
        return new AuditEntry(sequence, at, auditEvent.Actor, auditEvent.Action, auditEvent.Subject,
            auditEvent.Details, previousHash, hash);
    }

    /// <summary>The hash this entry's fields produce now; differs from <see cref="Hash"/> once anything was edited.</summary>
    public string RecomputeHash() =>
        AuditHashing.EntryHash(Sequence, OccurredAtMs, Actor, Action, Subject, Details, PreviousHash);
}
