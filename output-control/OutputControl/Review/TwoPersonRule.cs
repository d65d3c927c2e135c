namespace OutputControl.Review;

/// <summary>The two-person rule, as one pure function over the votes of a round.</summary>
public static class TwoPersonRule
{
    /// <summary>How many distinct checkers must agree.</summary>
    public const int RequiredCheckers = 2;

    /// <summary>
    /// The decision of <paramref name="reviews"/> (the votes of one round, oldest first): a checker's later vote
    /// replaces their earlier one; nothing is decided until <see cref="RequiredCheckers"/> distinct checkers voted;
    /// then unanimity decides and any disagreement is <see cref="ReviewDecision.Conflicted"/>.
    /// </summary>
    public static ReviewDecision GetDecision(IEnumerable<CheckerReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var latest = new Dictionary<string, Vote>(StringComparer.Ordinal);
        foreach (var review in reviews)
        {
            latest[review.CheckerId] = review.Vote;
        }
        if (latest.Count < RequiredCheckers)
        {
            return ReviewDecision.Pending;
        }
        var votes = latest.Values.Distinct().ToList();
        if (votes.Count > 1)
        {
            return ReviewDecision.Conflicted;
        }
        return votes[0] switch
        {
            Vote.Approve => ReviewDecision.Approved,
            Vote.ReturnForChanges => ReviewDecision.Returned,
            _ => ReviewDecision.Rejected,
        };
    }
}
