using OutputControl.Review;

namespace OutputControl.Releases;

/// <summary>
/// The last check before bytes leave: the review allows a release, and the bytes about to be published hash to the
/// content hash both approvals were bound to.
/// </summary>
public static class ReleaseGate
{
    /// <summary>
    /// Returns the two approvers when <paramref name="content"/> may be released for <paramref name="review"/>;
    /// throws <see cref="ReviewPermissionException"/> when the review does not allow it and
    /// <see cref="StaleContentException"/> when the bytes or an approval do not match the reviewed hash.
    /// </summary>
    public static (string First, string Second) CheckReleasable(OutputReview review, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(review);
        ReviewPermissions.CheckCanRelease(review);
        if (!review.ContentHash.Matches(content))
        {
            throw new StaleContentException($"the bytes to release do not hash to the reviewed {review.ContentHash.Hex}: nothing is released");
        }
        var approvals = review.CurrentReviews.GroupBy(r => r.CheckerId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        if (approvals.Any(a => a.Vote != Vote.Approve || !a.ContentHash.Matches(review.ContentHash)))
        {
            throw new StaleContentException("an approval is not bound to the content being released: nothing is released");
        }
        return (approvals[0].CheckerId, approvals[1].CheckerId);
    }
}
