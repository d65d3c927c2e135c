namespace Workbench.Audit;

/// <summary>
/// The database's checkpoints against the append-only journal's: the same set, line for line. Every checkpoint is
/// written to both, so any difference is a row deleted, added or re-signed (or a journal write that failed, which the
/// server repairs at its next checkpoint tick). Where they differ, the journal's checkpoint is checked against the
/// chain too, to say whether the entries themselves were rewritten.
/// </summary>
internal static class JournalComparison
{
    public static (AuditProblem?, long?, string?) Check(
        List<AuditEntry> log, List<AuditCheckpoint> stored, JournalContents journal, CheckpointKey key, CheckpointPolicy policy,
        DateTimeOffset now)
    {
        if (journal.Error is { } error) return (AuditProblem.JournalUnreadable, null, error);
        if (!journal.Exists)
        {
            return log.Count == 0 && stored.Count == 0
                ? default
                : (AuditProblem.JournalUnreadable, null,
                    $"there is no checkpoint journal at {journal.Path}, but the log holds {log.Count} entries: the journal was removed or another one is configured");
        }

        var lines = new Dictionary<long, AuditCheckpoint>();
        foreach (var line in journal.Checkpoints)
        {
            if (lines.TryGetValue(line.TreeSize, out var earlier) && earlier != line)
            {
                return (AuditProblem.JournalMismatch, null,
                    $"the journal holds two different checkpoints over {line.TreeSize} entries: one of them was signed again");
            }
            lines[line.TreeSize] = line;
        }
        var inDatabase = stored.ToDictionary(c => c.TreeSize);
        var hashes = log.Select(e => e.Hash).ToList();

        foreach (var line in lines.Values.OrderBy(c => c.TreeSize))
        {
            if (inDatabase.TryGetValue(line.TreeSize, out var row) && row == line) continue;
            // The journal's line is the one nobody could take back: check it against the chain first.
            if (AuditVerifier.CheckCheckpoint(line, hashes, key, " journal's") is ({ } problem, { } message))
            {
                return (problem, problem == AuditProblem.LogTruncated ? log.Count + 1L : null, message);
            }
            return row is null
                ? (AuditProblem.JournalMismatch, null,
                    $"the checkpoint over {line.TreeSize} entries is in the append-only journal but not in the database: its row was deleted")
                : (AuditProblem.JournalMismatch, null,
                    $"the database's checkpoint over {line.TreeSize} entries differs from the journal's: it was signed again");
        }
        foreach (var row in stored)
        {
            // A checkpoint committed a moment ago may not have reached the journal yet: the server appends after commit.
            var inFlight = now - DateTimeOffset.FromUnixTimeMilliseconds(row.SignedAtMs) <= policy.Grace;
            if (!lines.ContainsKey(row.TreeSize) && !inFlight)
            {
                return (AuditProblem.JournalMismatch, null,
                    $"the checkpoint over {row.TreeSize} entries is in the database but not in the append-only journal {journal.Path}: "
                    + "it was added to the database, or the journal could not be written (the server appends missing checkpoints at its next tick)");
            }
        }
        return default;
    }
}
