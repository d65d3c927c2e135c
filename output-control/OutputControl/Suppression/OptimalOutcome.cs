namespace OutputControl.Suppression;

/// <summary>How the exact search ended.</summary>
internal enum OptimalOutcome
{
    /// <summary>A pattern of least total suppressed value was found and passes the audit.</summary>
    Optimal,

    /// <summary>No pattern exists with the cells allowed.</summary>
    Infeasible,

    /// <summary>The time limit ran out before optimality was proven.</summary>
    TimedOut,
}
