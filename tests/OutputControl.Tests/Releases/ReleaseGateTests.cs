using OutputControl.Releases;
using OutputControl.Review;
using static OutputControl.Tests.Review.ReviewBuilder;

namespace OutputControl.Tests.Releases;

public class ReleaseGateTests
{
    [Fact]
    public void CheckReleasable_ApprovedAndSameBytes_GivesBothApprovers()
    {
        var review = CreateRequestAt(ReviewStatus.Approved);

        var approvers = ReleaseGate.CheckReleasable(review, "v1"u8);

        Assert.Equal((Checker1.UserId, Checker2.UserId), approvers);
    }

    [Fact]
    public void CheckReleasable_OtherBytes_IsRefused() =>
        Assert.Throws<StaleContentException>(() => ReleaseGate.CheckReleasable(CreateRequestAt(ReviewStatus.Approved), "v1 "u8));

    [Fact]
    public void CheckReleasable_NotApproved_IsRefused() =>
        Assert.Throws<ReviewPermissionException>(() => ReleaseGate.CheckReleasable(CreateRequestAt(ReviewStatus.PartiallyReviewed), "v1"u8));
}
