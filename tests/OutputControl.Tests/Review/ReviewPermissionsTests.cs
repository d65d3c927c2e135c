using OutputControl.Results;
using OutputControl.Review;
using static OutputControl.Tests.Review.ReviewBuilder;

namespace OutputControl.Tests.Review;

/// <summary>
/// Every (status, action, participant) through the real aggregate: allowed exactly when the expectation written out
/// here says so, and the CanX answer always agrees with whether CheckCanX throws.
/// </summary>
public class ReviewPermissionsTests
{
    public enum Who { Author, AuthorWhoIsChecker, Checker1, Checker3, UnassignedChecker, CheckerWhoAnalyses, Outsider }

    private static readonly ReviewStatus[] AuthorEditable =
        [ReviewStatus.Draft, ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed, ReviewStatus.Returned];

    private static readonly ReviewStatus[] UnderReview = [ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed];

    private static Participant Of(Who who) => who switch
    {
        Who.Author => Author,
        Who.AuthorWhoIsChecker => AuthorWhoIsChecker,
        Who.Checker1 => Checker1,
        Who.Checker3 => Checker3,
        Who.UnassignedChecker => UnassignedChecker,
        Who.CheckerWhoAnalyses => CheckerWhoAnalyses,
        _ => Outsider,
    };

    private static bool Expected(ReviewStatus status, ReviewAction action, Who who) => action switch
    {
        ReviewAction.Submit => who is Who.Author or Who.AuthorWhoIsChecker && status is ReviewStatus.Draft or ReviewStatus.Returned,
        ReviewAction.Edit or ReviewAction.Withdraw => who is Who.Author or Who.AuthorWhoIsChecker && AuthorEditable.Contains(status),
        // Checker 1 and 2 reviewed in the builder's Reviewed state, so a third checker is not let in there.
        ReviewAction.Review => (who == Who.Checker1 && UnderReview.Contains(status))
                               || (who == Who.Checker3 && status is ReviewStatus.Submitted or ReviewStatus.PartiallyReviewed),
        // Only checkers assigned to the project who are not its data scientists.
        ReviewAction.Retract => who is Who.Checker1 or Who.Checker3 && status == ReviewStatus.Released,
        _ => status == ReviewStatus.Approved, // Release, by the system
    };

    public static TheoryData<ReviewStatus, ReviewAction, Who> EveryCombination()
    {
        var data = new TheoryData<ReviewStatus, ReviewAction, Who>();
        foreach (var status in Enum.GetValues<ReviewStatus>())
        {
            foreach (var action in Enum.GetValues<ReviewAction>())
            {
                foreach (var who in Enum.GetValues<Who>())
                {
                    data.Add(status, action, who);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Act_EveryStatusActionAndParticipant_AllowedExactlyAsExpected(ReviewStatus status, ReviewAction action, Who who)
    {
        var review = CreateRequestAt(status);
        var participant = Of(who);
        var (can, act) = Bind(review, action, participant);

        var error = Record.Exception(act);

        Assert.Equal(Expected(status, action, who), error is null);
        Assert.Equal(error is null, can);
        if (error is not null)
        {
            Assert.IsType<ReviewPermissionException>(error);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }

    private static (bool Can, Action Act) Bind(OutputReview review, ReviewAction action, Participant who) => action switch
    {
        ReviewAction.Submit => (ReviewPermissions.CanSubmit(review, who), () => review.Submit(who)),
        ReviewAction.Edit => (ReviewPermissions.CanEdit(review, who), () => review.Edit(who, Hash("v2"), Verdict.Safe)),
        ReviewAction.Withdraw => (ReviewPermissions.CanWithdraw(review, who), () => review.Withdraw(who)),
        ReviewAction.Review => (ReviewPermissions.CanReview(review, who), () => CastVote(review, who, Vote.ReturnForChanges)),
        ReviewAction.Retract => (ReviewPermissions.CanRetract(review, who), () => ReviewPermissions.CheckCanRetract(review, who)),
        _ => (ReviewPermissions.CanRelease(review), review.MarkReleased),
    };

    [Fact]
    public void Owners_EveryStatus_HasAnOwner() =>
        Assert.Equal(Enum.GetValues<ReviewStatus>().Order(), ReviewPermissions.Owners.Keys.Order());

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Owners_OwnerOfEachStatus_CanActThereAndNobodyMeansFinal(ReviewStatus status)
    {
        var owner = ReviewPermissions.Owners[status];
        var actions = ReviewPermissions.Actions.Where(a => a.Value.States.Contains(status)).Select(a => a.Value.Actor).ToList();

        switch (owner)
        {
            case StateOwner.Author: Assert.Contains(ReviewActor.Author, actions); break;
            case StateOwner.Checkers: Assert.Contains(ReviewActor.Checker, actions); break;
            case StateOwner.System: Assert.Contains(ReviewActor.System, actions); break;
            default: Assert.True(ReviewTransitions.IsFinal(status)); break;
        }
    }

    public static TheoryData<ReviewStatus> Statuses() => [.. Enum.GetValues<ReviewStatus>()];

    [Fact]
    public void Approve_ByAuthorWhoIsChecker_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);

        var e = Assert.Throws<ReviewPermissionException>(() => CastVote(review, AuthorWhoIsChecker, Vote.Approve));

        Assert.Equal("the author never reviews their own output", e.Message);
        Assert.Empty(review.Reviews);
        Assert.Equal(ReviewStatus.Submitted, review.Status);
    }

    [Fact]
    public void Approve_BlockedVerdict_IsRefusedButReturnIsAllowed()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted, Verdict.Blocked);

        var e = Assert.Throws<ReviewPermissionException>(() => CastVote(review, Checker1, Vote.Approve));
        CastVote(review, Checker1, Vote.ReturnForChanges);

        Assert.Contains("blocked", e.Message, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.PartiallyReviewed, review.Status);
    }

    [Fact]
    public void Review_ThirdCheckerWhileTwoReview_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.Reviewed);

        var e = Assert.Throws<ReviewPermissionException>(() => CastVote(review, Checker3, Vote.Approve));

        Assert.Equal("2 other checkers already review this version", e.Message);
    }

    [Fact]
    public void Review_NonChecker_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);

        var e = Assert.Throws<ReviewPermissionException>(() => CastVote(review, Outsider, Vote.Approve));

        Assert.Equal("only output checkers review outputs", e.Message);
    }

    [Fact]
    public void Approve_CheckerNotAssignedToTheProject_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);

        var e = Assert.Throws<ReviewPermissionException>(() => CastVote(review, UnassignedChecker, Vote.Approve));

        Assert.Equal("only output checkers assigned to the project review its outputs", e.Message);
        Assert.Empty(review.Reviews);
    }

    [Fact]
    public void Approve_AssignedCheckerWhoIsADataScientistOfTheProject_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);

        var e = Assert.Throws<ReviewPermissionException>(() => CastVote(review, CheckerWhoAnalyses, Vote.Approve));

        Assert.Equal("a data scientist of the project may never review its outputs, even as an output checker", e.Message);
        Assert.Empty(review.Reviews);
    }

    [Fact]
    public void Approve_AssignedChecker_IsAllowed()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);

        Assert.True(ReviewPermissions.CanApprove(review, Checker1));
        CastVote(review, Checker1, Vote.Approve);

        Assert.Equal(ReviewStatus.PartiallyReviewed, review.Status);
    }

    [Fact]
    public void Retract_CheckerNotAssignedToTheProject_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.Released);

        var e = Assert.Throws<ReviewPermissionException>(() => ReviewPermissions.CheckCanRetract(review, UnassignedChecker));

        Assert.Equal("only output checkers assigned to the project retract its released outputs", e.Message);
    }
}
