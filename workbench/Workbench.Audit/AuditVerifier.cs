namespace Workbench.Audit;

/// <summary>
/// Checks the whole log: sequence numbers without gaps, every entry's hash recomputed from its fields, every entry
/// chained to the one before it, and every checkpoint's signature and Merkle root. Reports the first problem.
/// Entries removed from the end after the last checkpoint leave no trace in the log itself; the checkpoint interval
/// bounds that window.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies <paramref name="entries"/> (in sequence order) against <paramref name="checkpoints"/>.</summary>
    public static AuditVerification Verify(
        IEnumerable<AuditEntry> entries, IEnumerable<AuditCheckpoint> checkpoints, CheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(key);
        var pending = new Queue<AuditCheckpoint>(checkpoints.OrderBy(c => c.TreeSize));
        var hashes = new List<string>();
        var checkpointsChecked = 0;
        var previousHash = AuditHashing.GenesisHash;

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
            previousHash = entry.Hash;

            while (pending.Count > 0 && pending.Peek().TreeSize == hashes.Count)
            {
                if (CheckCheckpoint(pending.Dequeue(), hashes, key, checkpointsChecked) is { } problem)
                {
                    return problem;
                }
                checkpointsChecked++;
            }
        }

        while (pending.Count > 0)
        {
            var checkpoint = pending.Dequeue();
            if (checkpoint.TreeSize == 0)
            {
                if (CheckCheckpoint(checkpoint, hashes, key, checkpointsChecked) is { } problem)
                {
                    return problem;
                }
                checkpointsChecked++;
                continue;
            }
            return Bad(AuditProblem.LogTruncated, hashes.Count + 1L,
                $"the log holds {hashes.Count} entries but a signed checkpoint covers {checkpoint.TreeSize}: entries were removed from its end");
        }

        return new AuditVerification(AuditProblem.None, null, hashes.Count, checkpointsChecked,
            $"the audit log is intact: {hashes.Count} entries, {checkpointsChecked} signed checkpoints");

        AuditVerification Bad(AuditProblem problem, long? sequence, string message) =>
            new(problem, sequence, hashes.Count, checkpointsChecked, message);
    }

    private static AuditVerification? CheckCheckpoint(
        AuditCheckpoint checkpoint, List<string> hashes, CheckpointKey key, int checkedSoFar)
    {
        if (!checkpoint.HasValidSignature(key))
        {
            return new AuditVerification(AuditProblem.CheckpointSignatureInvalid, null, hashes.Count, checkedSoFar,
                $"the checkpoint over {checkpoint.TreeSize} entries does not carry a valid signature");
        }
        var recomputed = AuditCheckpoint.Sign(hashes, DateTimeOffset.FromUnixTimeMilliseconds(checkpoint.SignedAtMs), key);
        if (!SameHex(recomputed.RootHash, checkpoint.RootHash))
        {
            return new AuditVerification(AuditProblem.CheckpointRootMismatch, null, hashes.Count, checkedSoFar,
                $"entries 1 to {checkpoint.TreeSize} no longer have the Merkle root of their signed checkpoint: the log was rewritten");
        }
        return null;
    }

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
