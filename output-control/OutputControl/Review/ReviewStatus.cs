namespace OutputControl.Review;

/// <summary>Where an output request is in review. Stored by name: the names are frozen.</summary>
public enum ReviewStatus
{
    /// <summary>Written by the author, not yet handed to the checkers.</summary>
    Draft,

    /// <summary>Waiting for the first checker.</summary>
    Submitted,

    /// <summary>One checker has voted on this version; the other's vote is still missing.</summary>
    PartiallyReviewed,

    /// <summary>Two checkers voted on this version and disagree (conflicted): one of them must change their vote.</summary>
    Reviewed,

    /// <summary>Two checkers approved these exact bytes; the system releases it in the same step.</summary>
    Approved,

    /// <summary>In a release; immutable. A retraction is a separate event.</summary>
    Released,

    /// <summary>Sent back to the author with the checkers' comments.</summary>
    Returned,

    /// <summary>Refused by both checkers; final.</summary>
    Rejected,

    /// <summary>Taken back by the author; final.</summary>
    Withdrawn,
}
