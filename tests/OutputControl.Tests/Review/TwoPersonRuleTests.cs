using OutputControl.Review;
using static OutputControl.Tests.Review.ReviewBuilder;

namespace OutputControl.Tests.Review;

public class TwoPersonRuleTests
{
    private static CheckerReview By(Participant who, Vote vote) => new(who.UserId, vote, "", Hash(), 1, At);

    [Fact]
    public void GetDecision_NoVotes_IsPending() => Assert.Equal(ReviewDecision.Pending, TwoPersonRule.GetDecision([]));

    [Fact]
    public void GetDecision_OneApproval_IsPending() =>
        Assert.Equal(ReviewDecision.Pending, TwoPersonRule.GetDecision([By(Checker1, Vote.Approve)]));

    [Fact]
    public void GetDecision_SameCheckerApprovesTwice_IsPending() =>
        Assert.Equal(ReviewDecision.Pending, TwoPersonRule.GetDecision([By(Checker1, Vote.Approve), By(Checker1, Vote.Approve)]));

    [Theory]
    [InlineData(Vote.Approve, Vote.Approve, ReviewDecision.Approved)]
    [InlineData(Vote.ReturnForChanges, Vote.ReturnForChanges, ReviewDecision.Returned)]
    [InlineData(Vote.Reject, Vote.Reject, ReviewDecision.Rejected)]
    [InlineData(Vote.Approve, Vote.Reject, ReviewDecision.Conflicted)]
    [InlineData(Vote.Approve, Vote.ReturnForChanges, ReviewDecision.Conflicted)]
    [InlineData(Vote.ReturnForChanges, Vote.Reject, ReviewDecision.Conflicted)]
    public void GetDecision_TwoCheckers_UnanimityDecidesElseConflicted(Vote first, Vote second, ReviewDecision expected) =>
        Assert.Equal(expected, TwoPersonRule.GetDecision([By(Checker1, first), By(Checker2, second)]));

    [Fact]
    public void GetDecision_SecondVoteReplacesFirst_ResolvesConflict() =>
        Assert.Equal(ReviewDecision.Approved, TwoPersonRule.GetDecision(
            [By(Checker1, Vote.Reject), By(Checker2, Vote.Approve), By(Checker1, Vote.Approve)]));

    [Fact]
    public void GetDecision_LaterRejectionReplacesApproval_IsConflicted() =>
        Assert.Equal(ReviewDecision.Conflicted, TwoPersonRule.GetDecision(
            [By(Checker1, Vote.Approve), By(Checker2, Vote.Approve), By(Checker2, Vote.Reject)]));
}
