using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutputControl.Releases;
using OutputControl.Review;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Questions;

namespace Workbench.Server.Outputs;

/// <summary>
/// What checkers do: vote (approve, return for changes, reject) on the content hash they saw, and retract a released
/// output. When a vote makes the two-person rule say "approved", the system releases the output in the same
/// transaction: into the release of the current period, with a signed receipt, after checking that the bytes hash to
/// what both approvals were bound to. Two votes at the same moment cannot both build on one state (the output row's
/// concurrency token); the loser re-reads and applies its vote to the winner's state, so two simultaneous approvals
/// give exactly one release. A release or retraction also moves the track of the research question the project
/// answers (<see cref="QuestionChanges.TrackOutputAsync"/>), in the same transaction and the same retry.
/// </summary>
public sealed class ReviewActions(
    WorkbenchDbContext db, AuditTrail audit, TimeProvider time, OutputSubmissions submissions, QuestionChanges questions,
    IOptions<ReleaseOptions> options)
{
    private const int Attempts = 8;

    /// <summary>
    /// Records a vote. A refusal because of who the caller is (not a checker assigned to the project, the author, a
    /// data scientist of it, or an output they cannot see) is audited before it is thrown.
    /// </summary>
    public async Task<OutputRequest> VoteAsync(
        string outputId, Vote vote, string? contentHash, string? comment, ClaimsPrincipal caller, CancellationToken ct)
    {
        try
        {
            return await CastVoteAsync(outputId, vote, contentHash, comment, caller, ct);
        }
        catch (DomainException e) when (e is AccessDeniedException or NotFoundException)
        {
            await AuditRefusalAsync(outputId, vote.ToString(), e, caller, ct);
            throw;
        }
    }

    private async Task AuditRefusalAsync(string outputId, string action, DomainException e, ClaimsPrincipal caller, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await audit.SaveChangesAsync(
            [AuditEvent.Create(caller.UserId(), AuditActions.OutputReviewRefused, $"output:{outputId}", new { action, reason = e.Message })], ct);
    }

    private async Task<OutputRequest> CastVoteAsync(
        string outputId, Vote vote, string? contentHash, string? comment, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (vote != Vote.Approve && string.IsNullOrWhiteSpace(comment))
        {
            throw ValidationFailedException.For("comment", "say what the author must change, or why the output may never be released");
        }
        ContentHash seen;
        try
        {
            seen = ContentHash.FromHex(contentHash);
        }
        catch (FormatException e)
        {
            throw ValidationFailedException.For("contentHash", $"send the content hash you reviewed: {e.Message}");
        }
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await submissions.GetAsync(outputId, caller, ct);
            var review = row.ToReview();
            var now = time.GetUtcNow();
            var who = await submissions.ParticipantAsync(caller, row.ProjectId, ct);
            var decision = ReviewErrors.Run(() => review.CastVote(who, vote, seen, comment?.Trim() ?? "", now));
            var events = new List<AuditEvent>();
            ReleasedOutput? released = null;
            if (review.Status == ReviewStatus.Approved)
            {
                released = await ReleaseAsync(row, review, now, ct);
            }
            row.Apply(review, now);
            events.Add(OutputSubmissions.Event(caller, AuditActions.OutputReviewed, row, new { vote = vote.ToString(), decision = decision.ToString() }));
            if (released is not null)
            {
                events.Add(AuditEvent.Create("system", AuditActions.OutputReleased, $"output:{row.Id}", new
                {
                    project = row.ProjectId, release = released.ReleaseVersion, contentHash = released.ContentHash,
                    rulesVersion = released.RulesVersion, approvers = new[] { released.FirstApprover, released.SecondApprover },
                    signature = released.Signature,
                }));
                events.AddRange(await questions.TrackOutputAsync(row.ProjectId, OutputStep.Released, row.Id, released.ReleaseVersion, null, ct));
            }
            try
            {
                await audit.SaveChangesAsync(events, ct);
                return row;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Someone changed the output (or created the same release) at the same moment: read again, vote again.
            }
        }
    }

    public async Task<Retraction> RetractAsync(string outputId, string? reason, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
        {
            throw ValidationFailedException.For("reason", "say in at least 10 characters why the output is retracted");
        }
        try
        {
            var row = await submissions.GetAsync(outputId, caller, ct);
            var who = await submissions.ParticipantAsync(caller, row.ProjectId, ct);
            ReviewErrors.Run(() => ReviewPermissions.CheckCanRetract(row.ToReview(), who));
            return await RetractCoreAsync(row, reason, caller, ct);
        }
        catch (DomainException e) when (e is AccessDeniedException or NotFoundException)
        {
            await AuditRefusalAsync(outputId, "Retract", e, caller, ct);
            throw;
        }
    }

    private async Task<Retraction> RetractCoreAsync(OutputRequest row, string reason, ClaimsPrincipal caller, CancellationToken ct)
    {
        var outputId = row.Id;
        if (await db.Retractions.AnyAsync(r => r.OutputId == outputId, ct))
        {
            throw new ConflictException($"output {outputId} is already retracted");
        }
        var retraction = new Retraction { OutputId = outputId, Reason = reason.Trim(), RetractedBy = caller.UserId(), RetractedAt = time.GetUtcNow() };
        db.Retractions.Add(retraction);
        List<AuditEvent> events = [OutputSubmissions.Event(caller, AuditActions.OutputRetracted, row, new { reason = retraction.Reason })];
        events.AddRange(await questions.TrackOutputAsync(row.ProjectId, OutputStep.Retracted, outputId, null, retraction.Reason, ct));
        try
        {
            await audit.SaveChangesAsync(events, ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"output {outputId} was retracted, or its research question changed, at the same moment: reload and try again");
        }
        return retraction;
    }

    /// <summary>The receipt of a released output and whether its signature holds under the configured key.</summary>
    public async Task<(ReleaseReceipt Receipt, bool Valid)?> ReceiptAsync(string outputId, ClaimsPrincipal caller, CancellationToken ct)
    {
        await submissions.GetAsync(outputId, caller, ct);
        var released = await db.ReleasedOutputs.AsNoTracking().SingleOrDefaultAsync(r => r.OutputId == outputId, ct);
        if (released is null)
        {
            return null;
        }
        var receipt = Receipt(released);
        return (receipt, receipt.HasValidSignature(options.Value.Key));
    }

    internal static ReleaseReceipt Receipt(ReleasedOutput r) =>
        new(r.OutputId, r.ReleaseVersion, r.ContentHash, r.RulesVersion, r.FirstApprover, r.SecondApprover, r.ReleasedAtMs, r.Signature);

    private async Task<ReleasedOutput> ReleaseAsync(OutputRequest row, OutputReview review, DateTimeOffset now, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(row.Content);
        var (first, second) = ReviewErrors.Run(() => ReleaseGate.CheckReleasable(review, bytes));
        ReviewErrors.Run(review.MarkReleased);
        var period = options.Value.Schedule.PeriodOf(DateOnly.FromDateTime(now.UtcDateTime));
        if (!await db.Releases.AnyAsync(r => r.Version == period.Version, ct))
        {
            db.Releases.Add(new OutputRelease { Version = period.Version, PeriodStart = period.First, PeriodEnd = period.Last, CreatedAt = now });
        }
        var receipt = ReleaseReceipt.Sign(row.Id, period.Version, review.ContentHash, RulesVersion.Current, first, second, now, options.Value.Key);
        var content = OutputContent.FromCanonicalBytes(bytes);
        var released = new ReleasedOutput
        {
            OutputId = row.Id, ReleaseVersion = period.Version, ProjectId = row.ProjectId, Title = content.Title,
            Description = content.Description, Content = row.Content, ContentHash = receipt.ContentHash,
            PublicTable = PublicTable.From(content.Request, row.CheckResult).ToJson(), RulesVersion = receipt.RulesVersion,
            FirstApprover = receipt.FirstApprover, SecondApprover = receipt.SecondApprover, ReleasedAtMs = receipt.ReleasedAtMs,
            Signature = receipt.Signature,
        };
        db.ReleasedOutputs.Add(released);
        return released;
    }
}
