namespace Workbench.Audit;

/// <summary>
/// When checkpoints must exist: one right after the first entry, one at every multiple of <see cref="Interval"/>
/// entries, and one within <see cref="Period"/> of any entry a checkpoint does not yet cover (the server's timer).
/// The writer and the verifier share this one rule, so a log written under a policy verifies under the same policy.
/// </summary>
/// <param name="Interval">Entries between count-based checkpoints (at least 1).</param>
/// <param name="Period">How long an entry may stay without a checkpoint covering it (the timer's period).</param>
/// <param name="Grace">Slack on top of <see cref="Period"/> for a timer that runs late or a verifier's clock skew.</param>
public sealed record CheckpointPolicy(long Interval, TimeSpan Period, TimeSpan Grace)
{
    /// <summary>The server's defaults: every 100 entries, and within five minutes (plus one) of any entry.</summary>
    public static readonly CheckpointPolicy Default = new(100, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));

    public long Interval { get; } = Interval >= 1
        ? Interval : throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "the checkpoint interval must be at least 1 entry");

    public TimeSpan Period { get; } = Period > TimeSpan.Zero
        ? Period : throw new ArgumentOutOfRangeException(nameof(Period), Period, "the checkpoint period must be positive");

    public TimeSpan Grace { get; } = Grace >= TimeSpan.Zero
        ? Grace : throw new ArgumentOutOfRangeException(nameof(Grace), Grace, "the checkpoint grace must not be negative");

    /// <summary>Whether the entry with this sequence number must be followed by a checkpoint in its own transaction.</summary>
    public bool IsDueAt(long sequence) => sequence == 1 || (sequence > 0 && sequence % Interval == 0);

    /// <summary>The oldest an entry not covered by any checkpoint may be.</summary>
    public TimeSpan MaxUncoveredAge => Period + Grace;
}
