using OutputControl.Results;
using OutputControl.Review;

namespace OutputControl.Tests.Review;

/// <summary>Output reviews brought into each status through the real actions, and the people who act on them.</summary>
internal static class ReviewBuilder
{
    public static readonly Participant Author = new("author", false) { AnalysesProject = true };
    public static readonly Participant AuthorWhoIsChecker = new("author", true) { ChecksProject = true, AnalysesProject = true };
    public static readonly Participant Checker1 = new("checker-1", true) { ChecksProject = true };
    public static readonly Participant Checker2 = new("checker-2", true) { ChecksProject = true };
    public static readonly Participant Checker3 = new("checker-3", true) { ChecksProject = true };

    /// <summary>An output checker of the organisation who is not assigned to the output's project.</summary>
    public static readonly Participant UnassignedChecker = new("checker-elsewhere", true);

    /// <summary>An output checker assigned to the project who is also one of its data scientists (not the author).</summary>
    public static readonly Participant CheckerWhoAnalyses = new("colleague", true) { ChecksProject = true, AnalysesProject = true };

    public static readonly Participant Outsider = new("outsider", false);

    public static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static ContentHash Hash(string content = "v1") => ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(content));

    public static OutputReview CreateRequestAt(ReviewStatus status, Verdict verdict = Verdict.Protected)
    {
        var review = OutputReview.CreateDraft(Author.UserId, Hash(), verdict);
        if (status == ReviewStatus.Draft)
        {
            return review;
        }
        review.Submit(Author);
        switch (status)
        {
            case ReviewStatus.Submitted:
                break;
            case ReviewStatus.PartiallyReviewed:
                CastVote(review, Checker1, Vote.ReturnForChanges);
                break;
            case ReviewStatus.Reviewed:
                CastVote(review, Checker1, Vote.ReturnForChanges);
                CastVote(review, Checker2, Vote.Reject);
                break;
            case ReviewStatus.Approved or ReviewStatus.Released:
                CastVote(review, Checker1, Vote.Approve);
                CastVote(review, Checker2, Vote.Approve);
                if (status == ReviewStatus.Released)
                {
                    review.MarkReleased();
                }
                break;
            case ReviewStatus.Returned:
                CastVote(review, Checker1, Vote.ReturnForChanges);
                CastVote(review, Checker2, Vote.ReturnForChanges);
                break;
            case ReviewStatus.Rejected:
                CastVote(review, Checker1, Vote.Reject);
                CastVote(review, Checker2, Vote.Reject);
                break;
            case ReviewStatus.Withdrawn:
                review.Withdraw(Author);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
        Assert.Equal(status, review.Status);
        return review;
    }

    public static ReviewDecision CastVote(OutputReview review, Participant who, Vote vote, string comment = "ok") =>
        review.CastVote(who, vote, review.ContentHash, comment, At);
}
