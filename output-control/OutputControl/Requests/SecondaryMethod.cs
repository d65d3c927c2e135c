namespace OutputControl.Requests;

/// <summary>How secondary suppressions are chosen.</summary>
public enum SecondaryMethod
{
    /// <summary>Least total suppressed value, solved exactly as a mixed-integer program.</summary>
    Optimal,

    /// <summary>Hypercube heuristic for tables too large for <see cref="Optimal"/>; every result is still audited.</summary>
    Fast,
}
