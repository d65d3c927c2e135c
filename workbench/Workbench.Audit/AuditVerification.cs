namespace Workbench.Audit;

/// <summary>The result of verifying the log: intact, or the first problem with the entry or checkpoint it concerns.</summary>
/// <param name="Problem">The first problem found, or <see cref="AuditProblem.None"/>.</param>
/// <param name="FirstBadSequence">The sequence number of the first bad entry, when the problem concerns an entry.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="CheckpointsChecked">How many checkpoints were checked before the problem (all of them if intact).</param>
/// <param name="Message">A sentence for people saying what is wrong and where.</param>
public sealed record AuditVerification(
    AuditProblem Problem, long? FirstBadSequence, long EntriesChecked, int CheckpointsChecked, string Message)
{
    public bool IsIntact => Problem == AuditProblem.None;

    /// <summary>Where the journal is and whether the kernel holds it append-only (set by <see cref="AuditLog"/>).</summary>
    public string? Journal { get; init; }
}
