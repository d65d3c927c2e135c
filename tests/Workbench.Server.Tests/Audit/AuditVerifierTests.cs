using Workbench.Audit;

namespace Workbench.Server.Tests.Audit;

public class AuditVerifierTests
{
    private static readonly CheckpointKey Key = CheckpointKey.FromBase64(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()));
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A log of <paramref name="count"/> entries with a checkpoint every <paramref name="interval"/>.</summary>
    private static (List<AuditEntry> Entries, List<AuditCheckpoint> Checkpoints) CreateLog(int count, int interval = 4)
    {
        var entries = new List<AuditEntry>();
        var checkpoints = new List<AuditCheckpoint>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(AuditEntry.Next(entries.LastOrDefault(),
                AuditEvent.Create($"user-{i % 3}", "project.changed", $"project:P-2026-00{i % 2}", new { i }), Start.AddMinutes(i)));
            if (entries.Count % interval == 0)
            {
                checkpoints.Add(AuditCheckpoint.Sign([.. entries.Select(e => e.Hash)], Start.AddMinutes(i), Key));
            }
        }
        return (entries, checkpoints);
    }

    [Fact]
    public void Verify_UntouchedLog_IsIntact()
    {
        var (entries, checkpoints) = CreateLog(10);
        var result = AuditVerifier.Verify(entries, checkpoints, Key);
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(10, result.EntriesChecked);
        Assert.Equal(2, result.CheckpointsChecked);
    }

    [Fact]
    public void Verify_EditedDetails_ReportsThatEntryAsAltered()
    {
        var (entries, checkpoints) = CreateLog(10);
        entries[5] = entries[5] with { Details = "{\"i\":99}" };
        var result = AuditVerifier.Verify(entries, checkpoints, Key);
        Assert.Equal((AuditProblem.EntryAltered, 6L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_DeletedMiddleEntry_ReportsTheMissingSequence()
    {
        var (entries, checkpoints) = CreateLog(10);
        entries.RemoveAt(3);
        var result = AuditVerifier.Verify(entries, checkpoints, Key);
        Assert.Equal((AuditProblem.EntryMissing, 4L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_SwappedEntries_ReportsTheFirstOutOfPlace()
    {
        var (entries, checkpoints) = CreateLog(10);
        (entries[2], entries[3]) = (entries[3], entries[2]);
        var result = AuditVerifier.Verify(entries, checkpoints, Key);
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
        var result = AuditVerifier.Verify(entries, checkpoints, Key);
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
        var result = AuditVerifier.Verify(rewritten, checkpoints, Key);
        Assert.Equal(AuditProblem.CheckpointRootMismatch, result.Problem);
        Assert.Equal(0, result.CheckpointsChecked);
    }

    [Fact]
    public void Verify_TailRemovedBelowCheckpoint_ReportsTruncation()
    {
        var (entries, checkpoints) = CreateLog(8);
        entries.RemoveRange(6, 2);
        var result = AuditVerifier.Verify(entries, checkpoints, Key);
        Assert.Equal((AuditProblem.LogTruncated, 7L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_CheckpointSignedWithOtherKey_IsRejected()
    {
        var (entries, _) = CreateLog(4);
        var otherKey = CheckpointKey.FromBase64(Convert.ToBase64String(new byte[32]));
        var forged = AuditCheckpoint.Sign([.. entries.Select(e => e.Hash)], Start, otherKey);
        var result = AuditVerifier.Verify(entries, [forged], Key);
        Assert.Equal(AuditProblem.CheckpointSignatureInvalid, result.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void FromBase64_MissingMalformedOrShortKey_IsRefused(string? key) =>
        Assert.Throws<ArgumentException>(() => CheckpointKey.FromBase64(key));
}
