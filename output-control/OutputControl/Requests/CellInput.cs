namespace OutputControl.Requests;

/// <summary>One cell as the kernel built it from microdata: its key (one label per dimension), value, distinct
/// units and, for sum tables, each unit's contribution.</summary>
public sealed record CellInput(IReadOnlyList<string> Key, decimal Value, long Units, IReadOnlyList<decimal>? Contributions)
{
    /// <summary>In a <c>previous</c> output only: the cell was not published in that release.</summary>
    public bool Suppressed { get; init; }
}
