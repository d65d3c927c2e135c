namespace OutputControl.Review;

/// <summary>A checker's vote on one version of an output. Stored by name: the names are frozen.</summary>
public enum Vote
{
    /// <summary>These exact bytes may be released.</summary>
    Approve,

    /// <summary>The author must change something (the comment says what).</summary>
    ReturnForChanges,

    /// <summary>The output must never be released.</summary>
    Reject,
}
