namespace OutputControl.Review;

/// <summary>
/// What each status allows: the one table of transitions, each with the single actor that may make it, and the one
/// <see cref="TransitionTo"/> that enforces it. Who may act on a particular request is decided separately
/// (<see cref="ReviewPermissions"/>).
/// </summary>
public static class ReviewTransitions
{
    /// <summary>From each status, the statuses it may change to and who makes that change.</summary>
    public static readonly IReadOnlyDictionary<ReviewStatus, IReadOnlyDictionary<ReviewStatus, ReviewActor>> Table =
        new Dictionary<ReviewStatus, IReadOnlyDictionary<ReviewStatus, ReviewActor>>
        {
            [ReviewStatus.Draft] = new Dictionary<ReviewStatus, ReviewActor>
            {
                [ReviewStatus.Submitted] = ReviewActor.Author,
                [ReviewStatus.Withdrawn] = ReviewActor.Author,
            },
            [ReviewStatus.Submitted] = new Dictionary<ReviewStatus, ReviewActor>
            {
                [ReviewStatus.PartiallyReviewed] = ReviewActor.Checker,
                [ReviewStatus.Withdrawn] = ReviewActor.Author,
            },
            [ReviewStatus.PartiallyReviewed] = new Dictionary<ReviewStatus, ReviewActor>
            {
                [ReviewStatus.Reviewed] = ReviewActor.Checker,
                [ReviewStatus.Submitted] = ReviewActor.Author, // the output changed: every vote is void
                [ReviewStatus.Withdrawn] = ReviewActor.Author,
            },
            [ReviewStatus.Reviewed] = new Dictionary<ReviewStatus, ReviewActor>
            {
                [ReviewStatus.Approved] = ReviewActor.System,
                [ReviewStatus.Returned] = ReviewActor.System,
                [ReviewStatus.Rejected] = ReviewActor.System,
                [ReviewStatus.Submitted] = ReviewActor.Author,
                [ReviewStatus.Withdrawn] = ReviewActor.Author,
            },
            [ReviewStatus.Approved] = new Dictionary<ReviewStatus, ReviewActor>
            {
                [ReviewStatus.Released] = ReviewActor.System,
            },
            [ReviewStatus.Returned] = new Dictionary<ReviewStatus, ReviewActor>
            {
                [ReviewStatus.Submitted] = ReviewActor.Author,
                [ReviewStatus.Withdrawn] = ReviewActor.Author,
            },
            [ReviewStatus.Released] = new Dictionary<ReviewStatus, ReviewActor>(),
            [ReviewStatus.Rejected] = new Dictionary<ReviewStatus, ReviewActor>(),
            [ReviewStatus.Withdrawn] = new Dictionary<ReviewStatus, ReviewActor>(),
        };

    /// <summary>Whether no transition leaves <paramref name="status"/>.</summary>
    public static bool IsFinal(ReviewStatus status) => Table[status].Count == 0;

    /// <summary>
    /// Returns <paramref name="to"/> when the table allows <paramref name="actor"/> to change
    /// <paramref name="from"/> into it; otherwise throws <see cref="InvalidStateTransitionException"/>.
    /// </summary>
    public static ReviewStatus TransitionTo(ReviewStatus from, ReviewStatus to, ReviewActor actor)
    {
        if (!Table[from].TryGetValue(to, out var allowed))
        {
            throw new InvalidStateTransitionException(from, to, $"cannot change status from {from} to {to}");
        }
        if (allowed != actor)
        {
            throw new InvalidStateTransitionException(from, to,
                $"the {actor.ToString().ToLowerInvariant()} cannot change status from {from} to {to}; only the {allowed.ToString().ToLowerInvariant()} can");
        }
        return to;
    }
}
