using Workbench.Audit;

namespace Workbench.Server.Tests.Audit;

public class AuditVerifierTests
{
    private static readonly CheckpointKey Key = CheckpointKey.FromBase64(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()));
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CheckpointPolicy Policy = new(4, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));

    /// <summary>A log of <paramref name="count"/> entries, one a minute, written under <see cref="Policy"/> (checkpoints at 1, 4, 8, ...).</summary>
    private static (List<AuditEntry> Entries, List<AuditCheckpoint> Checkpoints) CreateLog(int count)
    {
        var entries = new List<AuditEntry>();
        var checkpoints = new List<AuditCheckpoint>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(AuditEntry.Next(entries.LastOrDefault(),
                AuditEvent.Create($"user-{i % 3}", "project.changed", $"project:P-2026-00{i % 2}", new { i }), Start.AddMinutes(i)));
            if (Policy.IsDueAt(entries.Count))
            {
                checkpoints.Add(Sign(entries, Start.AddMinutes(i)));
            }
        }
        return (entries, checkpoints);
    }

    private static AuditCheckpoint Sign(IEnumerable<AuditEntry> entries, DateTimeOffset at, CheckpointKey? key = null) =>
        AuditCheckpoint.Sign([.. entries.Select(e => e.Hash)], at, key ?? Key);

    private static JournalContents Journal(IEnumerable<AuditCheckpoint> lines) => new("/journal", true, [.. lines], null);

    /// <summary>Verifies right after the last entry was written, with a journal that holds exactly the database's checkpoints.</summary>
    private static AuditVerification Verify(List<AuditEntry> entries, List<AuditCheckpoint> checkpoints, JournalContents? journal = null, DateTimeOffset? now = null) =>
        AuditVerifier.Verify(entries, checkpoints, journal ?? Journal(checkpoints), Key, Policy, now ?? Start.AddMinutes(entries.Count));

    /// <summary>Deletes entry <paramref name="sequence"/> and renumbers and rehashes the rest, as someone with the database but not the key would.</summary>
    private static List<AuditEntry> DeleteAndRecompute(List<AuditEntry> entries, long sequence)
    {
        var rewritten = new List<AuditEntry>();
        foreach (var e in entries.Where(e => e.Sequence != sequence))
        {
            rewritten.Add(AuditEntry.Next(rewritten.LastOrDefault(), new AuditEvent(e.Actor, e.Action, e.Subject, e.Details), e.OccurredAt));
        }
        return rewritten;
    }

    [Fact]
    public void Verify_UntouchedLog_IsIntact()
    {
        var (entries, checkpoints) = CreateLog(10);
        var result = Verify(entries, checkpoints);
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(10, result.EntriesChecked);
        Assert.Equal(3, result.CheckpointsChecked);
    }

    [Fact]
    public void Verify_EmptyLogWithoutJournal_IsIntact() =>
        Assert.True(AuditVerifier.Verify([], [], new JournalContents("/journal", false, [], null), Key, Policy, Start).IsIntact);

    [Fact]
    public void Verify_RowsDeletedCheckpointsDeletedAndChainRecomputed_ReportsMissingCheckpoints()
    {
        // The reported attack: delete an entry, delete every checkpoint row, recompute the chain. The chain is
        // consistent again, so only the checkpoints the policy requires can tell.
        var (entries, checkpoints) = CreateLog(9);
        var rewritten = DeleteAndRecompute(entries, 5);
        var result = Verify(rewritten, [], Journal(checkpoints));
        Assert.Equal((AuditProblem.CheckpointMissing, (long?)1L), (result.Problem, result.FirstBadSequence));
        Assert.Contains("no signed checkpoint", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RowsDeletedAndCheckpointsResignedWithTheKey_JournalPinsTheOldRoots()
    {
        // Someone holding the server's key re-signs every checkpoint the policy requires; the append-only journal
        // still holds the roots signed before the rewrite.
        var (entries, checkpoints) = CreateLog(9);
        var rewritten = DeleteAndRecompute(entries, 3);
        var resigned = rewritten.Where(e => Policy.IsDueAt(e.Sequence))
            .Select(e => Sign(rewritten.Take((int)e.Sequence), e.OccurredAt)).ToList();
        Assert.True(Verify(rewritten, resigned).IsIntact, "without the journal this rewrite would pass");

        var result = Verify(rewritten, resigned, Journal(checkpoints));
        Assert.Equal(AuditProblem.CheckpointRootMismatch, result.Problem);
        Assert.Contains("journal's", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoCheckpointAfterTheFirstEntry_ReportsMissing()
    {
        var (entries, checkpoints) = CreateLog(6);
        var withoutFirst = checkpoints.Where(c => c.TreeSize != 1).ToList();
        var result = Verify(entries, withoutFirst);
        Assert.Equal((AuditProblem.CheckpointMissing, (long?)1L), (result.Problem, result.FirstBadSequence));
        Assert.Contains("after the first entry", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CheckpointDeletedBetweenTwoOthers_ReportsMissing()
    {
        var (entries, checkpoints) = CreateLog(14);
        var withoutEight = checkpoints.Where(c => c.TreeSize != 8).ToList();
        var result = Verify(entries, withoutEight);
        Assert.Equal((AuditProblem.CheckpointMissing, (long?)5L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_MoreThanIntervalEntriesAfterNewestCheckpoint_ReportsStale()
    {
        var (entries, checkpoints) = CreateLog(14);
        var withoutNewest = checkpoints.Where(c => c.TreeSize <= 8).ToList(); // 12 deleted: 6 entries follow 8
        var result = Verify(entries, withoutNewest);
        Assert.Equal((AuditProblem.CheckpointStale, (long?)9L), (result.Problem, result.FirstBadSequence));
        Assert.Contains("more than the interval", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UncoveredEntriesOlderThanThePeriod_ReportStale()
    {
        var (entries, checkpoints) = CreateLog(6); // checkpoints at 1 and 4; entries 5 and 6 written at minutes 4 and 5
        Assert.True(Verify(entries, checkpoints, now: Start.AddMinutes(4) + Policy.MaxUncoveredAge).IsIntact);

        var result = Verify(entries, checkpoints, now: Start.AddMinutes(4) + Policy.MaxUncoveredAge + TimeSpan.FromSeconds(1));
        Assert.Equal((AuditProblem.CheckpointStale, (long?)5L), (result.Problem, result.FirstBadSequence));
        Assert.Contains("checkpoint period", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TimerCheckpointCoversTheTail_IsIntactLater()
    {
        var (entries, checkpoints) = CreateLog(6);
        checkpoints.Add(Sign(entries, Start.AddMinutes(9))); // the timer's checkpoint over all six
        Assert.True(Verify(entries, checkpoints, now: Start.AddDays(30)).IsIntact);
    }

    [Fact]
    public void Verify_CheckpointRowDeletedButInJournal_ReportsJournalMismatch()
    {
        var (entries, checkpoints) = CreateLog(10);
        checkpoints.Add(Sign(entries.Take(6), Start.AddMinutes(6))); // a timer checkpoint: its row can go without a gap
        var result = Verify(entries, [.. checkpoints.Where(c => c.TreeSize != 6)], Journal(checkpoints));
        Assert.Equal(AuditProblem.JournalMismatch, result.Problem);
        Assert.Contains("in the append-only journal but not in the database", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CheckpointNotInJournal_ReportsJournalMismatch()
    {
        var (entries, checkpoints) = CreateLog(10);
        var result = Verify(entries, checkpoints, Journal(checkpoints.Where(c => c.TreeSize != 8)));
        Assert.Equal(AuditProblem.JournalMismatch, result.Problem);
        Assert.Contains("in the database but not in the append-only journal", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CheckpointJustCommittedNotYetInJournal_IsIntact()
    {
        var (entries, checkpoints) = CreateLog(8); // checkpoint 8 signed at minute 7; verified at minute 7
        var result = Verify(entries, checkpoints, Journal(checkpoints.Where(c => c.TreeSize != 8)), now: Start.AddMinutes(7));
        Assert.True(result.IsIntact, result.Message);
    }

    [Fact]
    public void Verify_JournalWithTwoDifferentLinesForOneSize_ReportsJournalMismatch()
    {
        var (entries, checkpoints) = CreateLog(10);
        var again = Sign(entries.Take(4), Start.AddHours(1));
        var result = Verify(entries, checkpoints, Journal([.. checkpoints, again]));
        Assert.Equal(AuditProblem.JournalMismatch, result.Problem);
        Assert.Contains("two different checkpoints over 4 entries", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_JournalMissingOrUnreadable_ReportsJournalUnreadable()
    {
        var (entries, checkpoints) = CreateLog(5);
        Assert.Equal(AuditProblem.JournalUnreadable, Verify(entries, checkpoints, new JournalContents("/gone", false, [], null)).Problem);
        Assert.Equal(AuditProblem.JournalUnreadable, Verify(entries, checkpoints, new JournalContents("/bad", true, [], "line 2 is not a checkpoint")).Problem);
    }

    [Fact]
    public void Verify_ForgedJournalLine_ReportsInvalidSignature()
    {
        var (entries, checkpoints) = CreateLog(10);
        var forged = Sign(entries.Take(6), Start, CheckpointKey.FromBase64(Convert.ToBase64String(new byte[32])));
        var result = Verify(entries, checkpoints, Journal([.. checkpoints, forged]));
        Assert.Equal(AuditProblem.CheckpointSignatureInvalid, result.Problem);
    }

    [Fact]
    public void Verify_EditedDetails_ReportsThatEntryAsAltered()
    {
        var (entries, checkpoints) = CreateLog(10);
        entries[5] = entries[5] with { Details = "{\"i\":99}" };
        var result = Verify(entries, checkpoints);
        Assert.Equal((AuditProblem.EntryAltered, 6L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_DeletedMiddleEntry_ReportsTheMissingSequence()
    {
        var (entries, checkpoints) = CreateLog(10);
        entries.RemoveAt(3);
        var result = Verify(entries, checkpoints);
        Assert.Equal((AuditProblem.EntryMissing, 4L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_SwappedEntries_ReportsTheFirstOutOfPlace()
    {
        var (entries, checkpoints) = CreateLog(10);
        (entries[2], entries[3]) = (entries[3], entries[2]);
        var result = Verify(entries, checkpoints);
        Assert.Equal((AuditProblem.EntryMissing, 3L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_RenumberedAfterDeletion_BreaksTheChain()
    {
        var (entries, checkpoints) = CreateLog(10);
        entries.RemoveAt(3);
        // Renumber and rehash each later entry on its own, as someone hiding a deletion would without the chain.
        for (var i = 3; i < entries.Count; i++)
        {
            var moved = entries[i] with { Sequence = i + 1 };
            entries[i] = moved with { Hash = moved.RecomputeHash() };
        }
        var result = Verify(entries, checkpoints);
        Assert.Equal((AuditProblem.ChainBroken, 4L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_WholeChainRewrittenConsistently_FailsTheCheckpoint()
    {
        var (entries, checkpoints) = CreateLog(10);
        var rewritten = new List<AuditEntry>();
        foreach (var e in entries)
        {
            var details = e.Sequence == 2 ? "{\"i\":\"forged\"}" : e.Details;
            rewritten.Add(AuditEntry.Next(rewritten.LastOrDefault(), new AuditEvent(e.Actor, e.Action, e.Subject, details), e.OccurredAt));
        }
        var result = Verify(rewritten, checkpoints);
        Assert.Equal(AuditProblem.CheckpointRootMismatch, result.Problem);
        Assert.Equal(1, result.CheckpointsChecked); // the one after the first entry still holds
    }

    [Fact]
    public void Verify_TailRemovedBelowCheckpoint_ReportsTruncation()
    {
        var (entries, checkpoints) = CreateLog(8);
        entries.RemoveRange(6, 2);
        var result = Verify(entries, checkpoints);
        Assert.Equal((AuditProblem.LogTruncated, 7L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_CheckpointSignedWithOtherKey_IsRejected()
    {
        var (entries, _) = CreateLog(4);
        var otherKey = CheckpointKey.FromBase64(Convert.ToBase64String(new byte[32]));
        var forged = entries.Where(e => Policy.IsDueAt(e.Sequence)).Select(e => Sign(entries.Take((int)e.Sequence), Start, otherKey)).ToList();
        var result = Verify(entries, forged);
        Assert.Equal(AuditProblem.CheckpointSignatureInvalid, result.Problem);
    }

    [Theory]
    [InlineData(1L, true)]
    [InlineData(2L, false)]
    [InlineData(4L, true)]
    [InlineData(6L, false)]
    [InlineData(8L, true)]
    public void IsDueAt_FirstEntryAndEveryInterval_AreDue(long sequence, bool due) => Assert.Equal(due, Policy.IsDueAt(sequence));

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void FromBase64_MissingMalformedOrShortKey_IsRefused(string? key) =>
        Assert.Throws<ArgumentException>(() => CheckpointKey.FromBase64(key));
}
