namespace OutputControl.Review;

/// <summary>What the votes of one round add up to (<see cref="TwoPersonRule.GetDecision"/>).</summary>
public enum ReviewDecision
{
    /// <summary>Fewer than two checkers have voted.</summary>
    Pending,

    /// <summary>Two distinct checkers approved.</summary>
    Approved,

    /// <summary>Two distinct checkers asked for changes.</summary>
    Returned,

    /// <summary>Two distinct checkers rejected.</summary>
    Rejected,

    /// <summary>Two checkers voted differently: visible to both, resolved when one changes their vote.</summary>
    Conflicted,
}
