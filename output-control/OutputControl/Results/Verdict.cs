namespace OutputControl.Results;

/// <summary>The gateway's verdict on an output.</summary>
public enum Verdict
{
    /// <summary>Nothing suppressed.</summary>
    Safe,

    /// <summary>Suppressions applied; releasable after review.</summary>
    Protected,

    /// <summary>Cannot be released.</summary>
    Blocked,
}
