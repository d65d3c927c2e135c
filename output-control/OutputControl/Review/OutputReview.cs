using OutputControl.Results;

namespace OutputControl.Review;

/// <summary>
/// The review of one output request: its author, status, the content hash every vote is bound to, the automatic
/// verdict and the votes. Each method checks who may act (<see cref="ReviewPermissions"/>), then changes the status
/// only through <see cref="ReviewTransitions.TransitionTo"/>. Pure: the server loads and stores it.
/// </summary>
public sealed class OutputReview
{
    private readonly List<CheckerReview> _reviews;

    private OutputReview(string authorId, ReviewStatus status, int round, ContentHash hash, Verdict verdict, IEnumerable<CheckerReview> reviews)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        (AuthorId, Status, Round, ContentHash, Verdict, _reviews) = (authorId, status, round, hash, verdict, [.. reviews]);
    }

    /// <summary>The data scientist who made the output.</summary>
    public string AuthorId { get; }

    /// <summary>Where the review is.</summary>
    public ReviewStatus Status { get; private set; }

    /// <summary>The review round; a change of the output or a new submission starts the next one.</summary>
    public int Round { get; private set; }

    /// <summary>The SHA-256 of the current content.</summary>
    public ContentHash ContentHash { get; private set; }

    /// <summary>The automatic check's verdict on the current content.</summary>
    public Verdict Verdict { get; private set; }

    /// <summary>Every vote ever cast, oldest first, including those of earlier rounds.</summary>
    public IReadOnlyList<CheckerReview> Reviews => _reviews;

    /// <summary>The votes of the current round: the only ones that count.</summary>
    public IReadOnlyList<CheckerReview> CurrentReviews => [.. _reviews.Where(r => r.Round == Round)];

    /// <summary>What the current round's votes add up to.</summary>
    public ReviewDecision Decision => TwoPersonRule.GetDecision(CurrentReviews);

    /// <summary>A new draft by <paramref name="authorId"/>.</summary>
    public static OutputReview CreateDraft(string authorId, ContentHash hash, Verdict verdict) =>
        new(authorId, ReviewStatus.Draft, 1, hash, verdict, []);

    /// <summary>A review as it was stored.</summary>
    public static OutputReview Restore(
        string authorId, ReviewStatus status, int round, ContentHash hash, Verdict verdict, IEnumerable<CheckerReview> reviews) =>
        new(authorId, status, round, hash, verdict, reviews);

    /// <summary>Hands a draft or returned output to the checkers; a returned one starts a new round.</summary>
    public void Submit(Participant who)
    {
        ReviewPermissions.CheckCanSubmit(this, who);
        if (Status == ReviewStatus.Returned)
        {
            Round++;
        }
        Status = ReviewTransitions.TransitionTo(Status, ReviewStatus.Submitted, ReviewActor.Author);
    }

    /// <summary>
    /// Replaces the content: any change voids every vote (a new round), and an output under review goes back to
    /// <see cref="ReviewStatus.Submitted"/>.
    /// </summary>
    public void Edit(Participant who, ContentHash hash, Verdict verdict)
    {
        ReviewPermissions.CheckCanEdit(this, who);
        (ContentHash, Verdict) = (hash, verdict);
        Round++;
        if (Status is ReviewStatus.PartiallyReviewed or ReviewStatus.Reviewed)
        {
            Status = ReviewTransitions.TransitionTo(Status, ReviewStatus.Submitted, ReviewActor.Author);
        }
    }

    /// <summary>The author takes the output back; final.</summary>
    public void Withdraw(Participant who)
    {
        ReviewPermissions.CheckCanWithdraw(this, who);
        Status = ReviewTransitions.TransitionTo(Status, ReviewStatus.Withdrawn, ReviewActor.Author);
    }

    /// <summary>
    /// Records a vote on the content whose hash the checker saw (<paramref name="seen"/>; a different hash is
    /// refused), replacing the checker's earlier vote of this round, and moves the status on: the first checker
    /// makes it partially reviewed, the second reviewed, and the system then concludes an agreement (approved,
    /// returned, rejected) or leaves it reviewed and conflicted.
    /// </summary>
    public ReviewDecision CastVote(Participant who, Vote vote, ContentHash seen, string comment, DateTimeOffset at)
    {
        if (vote == Review.Vote.Approve)
        {
            ReviewPermissions.CheckCanApprove(this, who);
        }
        else
        {
            ReviewPermissions.CheckCanReview(this, who);
        }
        if (!seen.Matches(ContentHash))
        {
            throw new StaleContentException(
                $"the output changed since you opened it: you reviewed {seen.Hex[..12]}…, it is now {ContentHash.Hex[..12]}…; review it again");
        }
        _reviews.Add(new CheckerReview(who.UserId, vote, comment ?? "", ContentHash, Round, at));
        var voters = CurrentReviews.Select(r => r.CheckerId).Distinct(StringComparer.Ordinal).Count();
        if (Status == ReviewStatus.Submitted)
        {
            Status = ReviewTransitions.TransitionTo(Status, ReviewStatus.PartiallyReviewed, ReviewActor.Checker);
        }
        if (Status == ReviewStatus.PartiallyReviewed && voters >= TwoPersonRule.RequiredCheckers)
        {
            Status = ReviewTransitions.TransitionTo(Status, ReviewStatus.Reviewed, ReviewActor.Checker);
        }
        var decision = Decision;
        if (Status == ReviewStatus.Reviewed && decision != ReviewDecision.Conflicted)
        {
            var to = decision switch
            {
                ReviewDecision.Approved => ReviewStatus.Approved,
                ReviewDecision.Returned => ReviewStatus.Returned,
                _ => ReviewStatus.Rejected,
            };
            Status = ReviewTransitions.TransitionTo(Status, to, ReviewActor.System);
        }
        return decision;
    }

    /// <summary>The system puts the approved output into a release; from now on it is immutable.</summary>
    public void MarkReleased()
    {
        ReviewPermissions.CheckCanRelease(this);
        Status = ReviewTransitions.TransitionTo(Status, ReviewStatus.Released, ReviewActor.System);
    }

    /// <summary>
    /// The votes <paramref name="viewer"/> may see. Votes of earlier rounds are history and open to both; in the
    /// current round each checker sees only their own vote until two checkers have voted, so neither is swayed.
    /// </summary>
    public IReadOnlyList<CheckerReview> VisibleTo(Participant viewer)
    {
        var current = CurrentReviews;
        var complete = current.Select(r => r.CheckerId).Distinct(StringComparer.Ordinal).Count() >= TwoPersonRule.RequiredCheckers;
        return [.. _reviews.Where(r => r.Round != Round || complete || string.Equals(r.CheckerId, viewer.UserId, StringComparison.Ordinal))];
    }
}
