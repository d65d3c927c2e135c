using OutputControl.Results;

namespace OutputControl.Review;

/// <summary>
/// Who may act, kept apart from what a status allows (<see cref="ReviewTransitions"/>): whose move each status is,
/// which actions each kind of participant may take in which statuses, and the checks in pairs
/// (<c>CheckCanX</c> throws <see cref="ReviewPermissionException"/> with the reason, <c>CanX</c> answers yes or no).
/// "The author never reviews" is decided here and nowhere else (<see cref="ReviewRefusal"/>), and so is "only the
/// project's own output checkers, never its data scientists, review and retract" (the server passes the facts in
/// <see cref="Participant"/>).
/// </summary>
public static class ReviewPermissions
{
    /// <summary>Whose move it is in each status; every status has an entry.</summary>
    public static readonly IReadOnlyDictionary<ReviewStatus, StateOwner> Owners = new Dictionary<ReviewStatus, StateOwner>
    {
        [ReviewStatus.Draft] = StateOwner.Author,
        [ReviewStatus.Submitted] = StateOwner.Checkers,
        [ReviewStatus.PartiallyReviewed] = StateOwner.Checkers,
        [ReviewStatus.Reviewed] = StateOwner.Checkers,
        [ReviewStatus.Approved] = StateOwner.System,
        [ReviewStatus.Released] = StateOwner.Nobody,
        [ReviewStatus.Returned] = StateOwner.Author,
        [ReviewStatus.Rejected] = StateOwner.Nobody,
        [ReviewStatus.Withdrawn] = StateOwner.Nobody,
    };

    /// <summary>Each action: who takes it and in which statuses.</summary>
    public static readonly IReadOnlyDictionary<ReviewAction, (ReviewActor Actor, IReadOnlySet<ReviewStatus> States)> Actions =
        new Dictionary<ReviewAction, (ReviewActor, IReadOnlySet<ReviewStatus>)>
        {
            [ReviewAction.Submit] = (ReviewActor.Author, new HashSet<ReviewStatus> { ReviewStatus.Draft, ReviewStatus.Returned }),
            [ReviewAction.Edit] = (ReviewActor.Author, new HashSet<ReviewStatus>
            {
                ReviewStatus.Draft, ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed, ReviewStatus.Returned,
            }),
            [ReviewAction.Withdraw] = (ReviewActor.Author, new HashSet<ReviewStatus>
            {
                ReviewStatus.Draft, ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed, ReviewStatus.Returned,
            }),
            [ReviewAction.Review] = (ReviewActor.Checker, new HashSet<ReviewStatus>
            {
                ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed,
            }),
            [ReviewAction.Release] = (ReviewActor.System, new HashSet<ReviewStatus> { ReviewStatus.Approved }),
            [ReviewAction.Retract] = (ReviewActor.Checker, new HashSet<ReviewStatus> { ReviewStatus.Released }),
        };

    /// <summary>Whether <paramref name="who"/> may submit the output.</summary>
    public static bool CanSubmit(OutputReview review, Participant who) => AuthorRefusal(ReviewAction.Submit, review, who) is null;

    /// <summary>Throws with the reason when <see cref="CanSubmit"/> is false.</summary>
    public static void CheckCanSubmit(OutputReview review, Participant who) => Throw(AuthorRefusal(ReviewAction.Submit, review, who));

    /// <summary>Whether <paramref name="who"/> may change the output.</summary>
    public static bool CanEdit(OutputReview review, Participant who) => AuthorRefusal(ReviewAction.Edit, review, who) is null;

    /// <summary>Throws with the reason when <see cref="CanEdit"/> is false.</summary>
    public static void CheckCanEdit(OutputReview review, Participant who) => Throw(AuthorRefusal(ReviewAction.Edit, review, who));

    /// <summary>Whether <paramref name="who"/> may withdraw the output.</summary>
    public static bool CanWithdraw(OutputReview review, Participant who) => AuthorRefusal(ReviewAction.Withdraw, review, who) is null;

    /// <summary>Throws with the reason when <see cref="CanWithdraw"/> is false.</summary>
    public static void CheckCanWithdraw(OutputReview review, Participant who) => Throw(AuthorRefusal(ReviewAction.Withdraw, review, who));

    /// <summary>Whether <paramref name="who"/> may vote (return or reject) on the output now.</summary>
    public static bool CanReview(OutputReview review, Participant who) => ReviewRefusal(review, who) is null;

    /// <summary>Throws with the reason when <see cref="CanReview"/> is false.</summary>
    public static void CheckCanReview(OutputReview review, Participant who) => Throw(ReviewRefusal(review, who));

    /// <summary>Whether <paramref name="who"/> may approve: may review, and the automatic check did not block it.</summary>
    public static bool CanApprove(OutputReview review, Participant who) => ApprovalRefusal(review, who) is null;

    /// <summary>Throws with the reason when <see cref="CanApprove"/> is false.</summary>
    public static void CheckCanApprove(OutputReview review, Participant who) => Throw(ApprovalRefusal(review, who));

    /// <summary>Whether the system may release the output now.</summary>
    public static bool CanRelease(OutputReview review) => ReleaseRefusal(review) is null;

    /// <summary>Throws with the reason when <see cref="CanRelease"/> is false.</summary>
    public static void CheckCanRelease(OutputReview review) => Throw(ReleaseRefusal(review));

    /// <summary>Whether <paramref name="who"/> may retract the (released) output.</summary>
    public static bool CanRetract(OutputReview review, Participant who) => RetractRefusal(review, who) is null;

    /// <summary>Throws with the reason when <see cref="CanRetract"/> is false.</summary>
    public static void CheckCanRetract(OutputReview review, Participant who) => Throw(RetractRefusal(review, who));

    /// <summary>
    /// Why <paramref name="who"/> may not vote on the output now, or null. The only place that keeps authors from
    /// reviewing their own output, whatever roles they hold.
    /// </summary>
    public static string? ReviewRefusal(OutputReview review, Participant who)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (string.Equals(who.UserId, review.AuthorId, StringComparison.Ordinal))
        {
            return "the author never reviews their own output";
        }
        if (CheckerRefusal(who, ReviewAction.Review) is { } checker)
        {
            return checker;
        }
        if (StateRefusal(ReviewAction.Review, review) is { } state)
        {
            return state;
        }
        var voters = review.CurrentReviews.Select(r => r.CheckerId).ToHashSet(StringComparer.Ordinal);
        if (voters.Count >= TwoPersonRule.RequiredCheckers && !voters.Contains(who.UserId))
        {
            return $"{TwoPersonRule.RequiredCheckers} other checkers already review this version";
        }
        return null;
    }

    private static string? ApprovalRefusal(OutputReview review, Participant who) =>
        ReviewRefusal(review, who)
        ?? (review.Verdict == Verdict.Blocked
            ? "the automatic check blocked this output: it can be returned or rejected, never approved"
            : null);

    private static string? ReleaseRefusal(OutputReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return StateRefusal(ReviewAction.Release, review)
            ?? (review.Decision != ReviewDecision.Approved ? "two checkers have not both approved this version" : null);
    }

    private static string? RetractRefusal(OutputReview review, Participant who)
    {
        ArgumentNullException.ThrowIfNull(review);
        return CheckerRefusal(who, ReviewAction.Retract) ?? StateRefusal(ReviewAction.Retract, review);
    }

    /// <summary>
    /// Why <paramref name="who"/> is not a checker of the output's project: they must hold the OutputChecker role, be
    /// assigned to the project as an output checker, and not be one of its data scientists.
    /// </summary>
    private static string? CheckerRefusal(Participant who, ReviewAction action)
    {
        var (verb, what) = action == ReviewAction.Review ? ("review", "outputs") : ("retract", "released outputs");
        return !who.IsOutputChecker ? $"only output checkers {verb} {what}"
            : who.AnalysesProject ? $"a data scientist of the project may never {verb} its {what}, even as an output checker"
            : !who.ChecksProject ? $"only output checkers assigned to the project {verb} its {what}"
            : null;
    }

    private static string? AuthorRefusal(ReviewAction action, OutputReview review, Participant who)
    {
        ArgumentNullException.ThrowIfNull(review);
        return !string.Equals(who.UserId, review.AuthorId, StringComparison.Ordinal)
            ? $"only the author may {Verb(action)} an output"
            : StateRefusal(action, review);
    }

    private static string? StateRefusal(ReviewAction action, OutputReview review) =>
        Actions[action].States.Contains(review.Status) ? null : $"an output that is {review.Status} cannot be {Past(action)}";

    private static string Verb(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "submit",
        ReviewAction.Edit => "change",
        ReviewAction.Withdraw => "withdraw",
        ReviewAction.Review => "review",
        ReviewAction.Release => "release",
        _ => "retract",
    };

    private static string Past(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "submitted",
        ReviewAction.Edit => "changed",
        ReviewAction.Withdraw => "withdrawn",
        ReviewAction.Review => "reviewed",
        ReviewAction.Release => "released",
        _ => "retracted",
    };

    private static void Throw(string? refusal)
    {
        if (refusal is not null)
        {
            throw new ReviewPermissionException(refusal);
        }
    }
}
