namespace OutputControl.Requests;

/// <summary>One cell as the kernel built it from microdata: its key (one label per dimension), value, distinct
/// units, for sum tables each unit's contribution and, for cell-key noise, its cell key (the fractional part of the
/// sum of its units' record keys, in [0, 1); see <see cref="Noise.CellKeys"/>).</summary>
public sealed record CellInput(IReadOnlyList<string> Key, decimal Value, long Units, IReadOnlyList<decimal>? Contributions, decimal? CellKey = null)
{
    /// <summary>In a <c>previous</c> output only: the cell was not published in that release.</summary>
    public bool Suppressed { get; init; }
}
