using System.Text.Json;
using OutputControl.Review;

namespace Workbench.Server.Outputs;

/// <summary>A vote as the caller may see it.</summary>
public sealed record ReviewResponse(string CheckerId, Vote Vote, string Comment, string ContentHash, int Round, DateTimeOffset At);

/// <summary>
/// An output as its author or a checker sees it: the content, the gateway's full result (with every cell's status
/// and reason), the disclosure policy the server applied (<see cref="AppliedPolicy"/>, from its configuration, never
/// the author's), the votes the caller may see (a checker sees the other's vote only once both are in), and what the
/// caller may do now.
/// </summary>
public sealed record OutputResponse(
    string Id, string ProjectId, string AuthorId, string Title, string Description, string Justification, JsonElement Request,
    string ContentHash, string Verdict, JsonElement CheckResult, IReadOnlyList<string> ComparedWith, ReviewStatus Status,
    ReviewDecision Decision, int Round, IReadOnlyList<ReviewResponse> Reviews, bool CanReview, bool CanApprove, bool CanEdit, bool CanWithdraw,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, ReleaseInfo? Release, JsonElement AppliedPolicy)
{
    /// <summary>The output as <paramref name="who"/> (with their facts in its project) sees it.</summary>
    public static OutputResponse From(OutputRequest row, Participant who, ReleaseInfo? release = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var review = row.ToReview();
        var content = OutputContent.FromCanonicalBytes(System.Text.Encoding.UTF8.GetBytes(row.Content));
        using var result = JsonDocument.Parse(row.CheckResult);
        var visible = review.VisibleTo(who);
        // The decision says how the votes fell; before both are in it must not hint at the other checker's vote.
        var decision = visible.Count == review.Reviews.Count ? review.Decision : ReviewDecision.Pending;
        return new OutputResponse(
            row.Id, row.ProjectId, row.AuthorId, row.Title, content.Description, content.Justification, content.Request,
            row.ContentHash, row.Verdict.ToString(), result.RootElement.Clone(), row.ComparedWith, row.Status, decision,
            row.Round, [.. visible.Select(r => new ReviewResponse(r.CheckerId, r.Vote, r.Comment, r.ContentHash.Hex, r.Round, r.At))],
            ReviewPermissions.CanReview(review, who), ReviewPermissions.CanApprove(review, who), ReviewPermissions.CanEdit(review, who),
            ReviewPermissions.CanWithdraw(review, who),
            row.CreatedAt, row.UpdatedAt, release, result.RootElement.GetProperty("policy").Clone());
    }
}

/// <summary>A row of the review queue or of the author's own list.</summary>
public sealed record OutputSummary(
    string Id, string ProjectId, string Title, string Verdict, ReviewStatus Status, int Round, bool Mine, bool CanReview, bool VotedThisRound,
    DateTimeOffset UpdatedAt)
{
    public static OutputSummary From(OutputRequest row, Participant who)
    {
        ArgumentNullException.ThrowIfNull(row);
        var review = row.ToReview();
        return new OutputSummary(row.Id, row.ProjectId, row.Title, row.Verdict.ToString(), row.Status, row.Round,
            row.AuthorId == who.UserId, ReviewPermissions.CanReview(review, who),
            review.CurrentReviews.Any(r => r.CheckerId == who.UserId), row.UpdatedAt);
    }
}

/// <summary>A vote: the content hash the checker reviewed (it must still be the output's) and a comment.</summary>
public sealed record VoteRequest(string? ContentHash, string? Comment);

/// <summary>Why a released output is retracted.</summary>
public sealed record RetractRequest(string? Reason);

/// <summary>A release receipt and whether its signature holds under the server's key.</summary>
public sealed record ReceiptResponse(OutputControl.Releases.ReleaseReceipt Receipt, bool SignatureValid);
