namespace OutputControl.Review;

/// <summary>What a person or the system may do to an output request.</summary>
public enum ReviewAction
{
    /// <summary>Hand a draft or returned output to the checkers.</summary>
    Submit,

    /// <summary>Change the output (resets every vote).</summary>
    Edit,

    /// <summary>Take the output back for good.</summary>
    Withdraw,

    /// <summary>Vote on the output (approve, return for changes, reject).</summary>
    Review,

    /// <summary>Put an approved output into a release.</summary>
    Release,

    /// <summary>Record that a released output is retracted.</summary>
    Retract,
}
