namespace Workbench.Audit;

/// <summary>
/// Checks the whole log and reports the first problem, in this order: sequence numbers without gaps, every entry's
/// hash recomputed from its fields, every entry chained to the one before it, every checkpoint's signature and
/// Merkle root; then that the checkpoints the <see cref="CheckpointPolicy"/> requires are there and not stale; then
/// that the database's checkpoints and the append-only <see cref="CheckpointJournal"/> agree. Deleting the checkpoint
/// rows and recomputing the chain therefore fails twice over: the policy misses its checkpoints, and the journal
/// still holds the old roots.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies <paramref name="entries"/> (in sequence order) against the database's and the journal's checkpoints at <paramref name="now"/>.</summary>
    public static AuditVerification Verify(
        IEnumerable<AuditEntry> entries, IEnumerable<AuditCheckpoint> checkpoints, JournalContents journal,
        CheckpointKey key, CheckpointPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(policy);
        var stored = checkpoints.OrderBy(c => c.TreeSize).ToList();
        var log = new List<AuditEntry>();
        var chain = CheckChain(entries, stored, key, log);
        if (chain is { } broken) return broken;
        var count = log.Count;
        AuditVerification Bad(AuditProblem problem, long? sequence, string message) =>
            new(problem, sequence, count, stored.Count, message);

        if (CheckCoverage(log, stored, policy, now) is ({ } problem, var sequence, { } message)) return Bad(problem, sequence, message);
        if (JournalComparison.Check(log, stored, journal, key, policy, now) is ({ } journalProblem, var at, { } why)) return Bad(journalProblem, at, why);

        return new AuditVerification(AuditProblem.None, null, count, stored.Count,
            $"the audit log is intact: {count} entries, {stored.Count} signed checkpoints, each also in the append-only journal");
    }

    /// <summary>The chain and the database's checkpoints, entry by entry; fills <paramref name="log"/> with the entries read.</summary>
    private static AuditVerification? CheckChain(
        IEnumerable<AuditEntry> entries, List<AuditCheckpoint> stored, CheckpointKey key, List<AuditEntry> log)
    {
        var pending = new Queue<AuditCheckpoint>(stored);
        var hashes = new List<string>();
        var checkpointsChecked = 0;
        var previousHash = AuditHashing.GenesisHash;
        AuditVerification Bad(AuditProblem problem, long? sequence, string message) =>
            new(problem, sequence, hashes.Count, checkpointsChecked, message);

        foreach (var entry in entries)
        {
            var expected = hashes.Count + 1L;
            if (entry.Sequence != expected)
            {
                return Bad(AuditProblem.EntryMissing, expected,
                    $"entry {expected} is missing: the next entry in the log is {entry.Sequence} (deleted or reordered)");
            }
            if (!string.Equals(entry.RecomputeHash(), entry.Hash, StringComparison.Ordinal))
            {
                return Bad(AuditProblem.EntryAltered, entry.Sequence,
                    $"entry {entry.Sequence} ({entry.Action} on {entry.Subject}) was altered: its fields do not produce its hash");
            }
            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Bad(AuditProblem.ChainBroken, entry.Sequence,
                    $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: its previous hash differs");
            }
            hashes.Add(entry.Hash);
            log.Add(entry);
            previousHash = entry.Hash;

            while (pending.Count > 0 && pending.Peek().TreeSize == hashes.Count)
            {
                if (CheckCheckpoint(pending.Dequeue(), hashes, key, "") is ({ } problem, { } message))
                {
                    return Bad(problem, null, message);
                }
                checkpointsChecked++;
            }
        }

        while (pending.Count > 0)
        {
            var checkpoint = pending.Dequeue();
            if (checkpoint.TreeSize == 0)
            {
                if (CheckCheckpoint(checkpoint, hashes, key, "") is ({ } problem, { } message)) return Bad(problem, null, message);
                checkpointsChecked++;
                continue;
            }
            return Bad(AuditProblem.LogTruncated, hashes.Count + 1L,
                $"the log holds {hashes.Count} entries but a signed checkpoint covers {checkpoint.TreeSize}: entries were removed from its end");
        }
        return null;
    }

    /// <summary>The checkpoints the policy requires: one after the first entry, no more than the interval apart, none stale.</summary>
    private static (AuditProblem?, long?, string?) CheckCoverage(
        List<AuditEntry> log, List<AuditCheckpoint> stored, CheckpointPolicy policy, DateTimeOffset now)
    {
        if (log.Count == 0) return default;
        var sizes = stored.Where(c => c.TreeSize > 0).Select(c => c.TreeSize).Distinct().Order().ToList();
        if (sizes.Count == 0)
        {
            return (AuditProblem.CheckpointMissing, 1L,
                $"the log holds {log.Count} entries but no signed checkpoint: the checkpoints were deleted (one follows the first entry)");
        }
        if (sizes[0] != 1)
        {
            return (AuditProblem.CheckpointMissing, 1L,
                $"there is no signed checkpoint after the first entry (the first covers {sizes[0]} entries): a checkpoint was deleted");
        }
        for (var i = 1; i < sizes.Count; i++)
        {
            if (sizes[i] - sizes[i - 1] > policy.Interval)
            {
                return (AuditProblem.CheckpointMissing, sizes[i - 1] + 1,
                    $"no signed checkpoint between entries {sizes[i - 1]} and {sizes[i]}, more than the interval of {policy.Interval} apart: a checkpoint was deleted");
            }
        }
        var newest = sizes[^1];
        if (log.Count - newest > policy.Interval)
        {
            return (AuditProblem.CheckpointStale, newest + 1,
                $"the newest signed checkpoint covers {newest} entries and {log.Count - newest} follow it, more than the interval of {policy.Interval}: "
                + "later checkpoints were deleted, or entries were added without one");
        }
        if (log.Count > newest)
        {
            var firstUncovered = log[(int)newest];
            var age = now - firstUncovered.OccurredAt;
            if (age > policy.MaxUncoveredAge)
            {
                return (AuditProblem.CheckpointStale, firstUncovered.Sequence,
                    $"entries {firstUncovered.Sequence} to {log.Count} have no signed checkpoint and the first is {Describe(age)} old, "
                    + $"more than the checkpoint period allows ({Describe(policy.MaxUncoveredAge)}): a checkpoint was deleted, or the server stopped before writing one");
            }
        }
        return default;
    }

    /// <summary>Signature first (a forged checkpoint is that, whatever its root), then the root over the first TreeSize entries.</summary>
    internal static (AuditProblem?, string?) CheckCheckpoint(AuditCheckpoint checkpoint, IReadOnlyList<string> hashes, CheckpointKey key, string where)
    {
        if (!checkpoint.HasValidSignature(key))
        {
            return (AuditProblem.CheckpointSignatureInvalid, $"the{where} checkpoint over {checkpoint.TreeSize} entries does not carry a valid signature");
        }
        if (checkpoint.TreeSize > hashes.Count)
        {
            return (AuditProblem.LogTruncated, $"the log holds {hashes.Count} entries but the{where} signed checkpoint covers {checkpoint.TreeSize}: entries were removed from its end");
        }
        var covered = hashes.Take((int)checkpoint.TreeSize).ToList();
        var recomputed = AuditCheckpoint.Sign(covered, DateTimeOffset.FromUnixTimeMilliseconds(checkpoint.SignedAtMs), key);
        if (!SameHex(recomputed.RootHash, checkpoint.RootHash))
        {
            return (AuditProblem.CheckpointRootMismatch,
                $"entries 1 to {checkpoint.TreeSize} no longer have the Merkle root of the{where} signed checkpoint: the log was rewritten");
        }
        return default;
    }

    private static string Describe(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{span.TotalMinutes:0.#} min";

    private static bool SameHex(string expected, string stored)
    {
        try
        {
            return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                Convert.FromHexString(expected), Convert.FromHexString(stored));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
