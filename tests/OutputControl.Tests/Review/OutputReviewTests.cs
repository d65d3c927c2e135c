using OutputControl.Results;
using OutputControl.Review;
using static OutputControl.Tests.Review.ReviewBuilder;

namespace OutputControl.Tests.Review;

public class OutputReviewTests
{
    [Fact]
    public void CastVote_TwoApprovals_Approved()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);

        var first = CastVote(review, Checker1, Vote.Approve);
        var afterFirst = review.Status;
        var second = CastVote(review, Checker2, Vote.Approve);

        Assert.Equal(ReviewDecision.Pending, first);
        Assert.Equal(ReviewStatus.PartiallyReviewed, afterFirst);
        Assert.Equal(ReviewDecision.Approved, second);
        Assert.Equal(ReviewStatus.Approved, review.Status);
    }

    [Fact]
    public void CastVote_SameCheckerTwice_ReplacesAndStaysPartiallyReviewed()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);

        CastVote(review, Checker1, Vote.Approve);
        var decision = CastVote(review, Checker1, Vote.Approve);

        Assert.Equal(ReviewDecision.Pending, decision);
        Assert.Equal(ReviewStatus.PartiallyReviewed, review.Status);
    }

    [Fact]
    public void CastVote_Disagreement_StaysReviewedAndConflicted_UntilOneChangesTheirVote()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);
        CastVote(review, Checker1, Vote.Approve);

        var conflicted = CastVote(review, Checker2, Vote.ReturnForChanges);
        var statusWhileConflicted = review.Status;
        var resolved = CastVote(review, Checker2, Vote.Approve);

        Assert.Equal(ReviewDecision.Conflicted, conflicted);
        Assert.Equal(ReviewStatus.Reviewed, statusWhileConflicted);
        Assert.Equal(ReviewDecision.Approved, resolved);
        Assert.Equal(ReviewStatus.Approved, review.Status);
    }

    [Fact]
    public void Edit_AfterOneApproval_ResetsAllVotesAndGoesBackToSubmitted()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);
        CastVote(review, Checker1, Vote.Approve);

        review.Edit(Author, Hash("v2"), Verdict.Safe);
        var afterEdit = (review.Status, review.CurrentReviews.Count);
        var decision = CastVote(review, Checker2, Vote.Approve);

        Assert.Equal((ReviewStatus.Submitted, 0), afterEdit);
        Assert.Equal(ReviewDecision.Pending, decision); // checker 1's approval was for the old bytes
        Assert.Equal(ReviewStatus.PartiallyReviewed, review.Status);
        Assert.Equal(2, review.Reviews.Count); // history kept
    }

    [Fact]
    public void Edit_AfterRelease_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.Released);

        var e = Assert.Throws<ReviewPermissionException>(() => review.Edit(Author, Hash("v2"), Verdict.Safe));

        Assert.Equal("an output that is Released cannot be changed", e.Message);
        Assert.Equal(Hash(), review.ContentHash);
    }

    [Fact]
    public void CastVote_ForAnOlderHash_IsRefusedAsStale()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);
        var seen = review.ContentHash;
        review.Edit(Author, Hash("v2"), Verdict.Safe);

        Assert.Throws<StaleContentException>(() => review.CastVote(Checker1, Vote.Approve, seen, "", At));
        Assert.Empty(review.Reviews);
        Assert.Equal(ReviewStatus.Submitted, review.Status);
    }

    [Fact]
    public void Withdraw_DuringReview_IsFinalAndRefusesVotes()
    {
        var review = CreateRequestAt(ReviewStatus.PartiallyReviewed);

        review.Withdraw(Author);

        Assert.Equal(ReviewStatus.Withdrawn, review.Status);
        Assert.Throws<ReviewPermissionException>(() => CastVote(review, Checker2, Vote.Approve));
    }

    [Fact]
    public void Submit_AfterReturn_StartsANewRound()
    {
        var review = CreateRequestAt(ReviewStatus.Returned);

        review.Submit(Author);

        Assert.Equal(ReviewStatus.Submitted, review.Status);
        Assert.Empty(review.CurrentReviews);
        Assert.Equal(ReviewDecision.Pending, review.Decision);
    }

    [Fact]
    public void VisibleTo_BeforeBothVotes_EachCheckerSeesOnlyTheirOwn()
    {
        var review = CreateRequestAt(ReviewStatus.Submitted);
        CastVote(review, Checker1, Vote.Reject, "too detailed");

        Assert.Single(review.VisibleTo(Checker1));
        Assert.Empty(review.VisibleTo(Checker2));
        Assert.Empty(review.VisibleTo(Author));
        CastVote(review, Checker2, Vote.Approve);
        Assert.Equal(2, review.VisibleTo(Checker2).Count);
        Assert.Equal(2, review.VisibleTo(Author).Count);
    }

    [Fact]
    public void MarkReleased_OneApprovalOnly_IsRefused()
    {
        var review = CreateRequestAt(ReviewStatus.PartiallyReviewed);

        Assert.Throws<ReviewPermissionException>(review.MarkReleased);
        Assert.Equal(ReviewStatus.PartiallyReviewed, review.Status);
    }

    [Fact]
    public void ContentHash_FromHex_RefusesMalformed()
    {
        Assert.Throws<FormatException>(() => ContentHash.FromHex("abc"));
        Assert.Equal(Hash(), ContentHash.FromHex(Hash().Hex.ToUpperInvariant()));
    }

    [Fact]
    public void OutputContent_CanonicalBytes_RoundTripAndHashChangesWithAnyField()
    {
        using var request = System.Text.Json.JsonDocument.Parse("""{ "output": { "kind": "model", "observations": 50, "parameters": 3 } }""");
        var content = new OutputContent("Title", "How", "Why", request.RootElement.Clone());

        var back = OutputContent.FromCanonicalBytes(content.ToCanonicalBytes());

        Assert.Equal(content.Hash, back.Hash);
        Assert.NotEqual(content.Hash, (content with { Justification = "Why." }).Hash);
        Assert.Equal(content.ToCanonicalText(), back.ToCanonicalText());
    }
}
