namespace OutputControl.Noise;

/// <summary>
/// The noise distribution of one original count of a <see cref="PerturbationTable"/>: for
/// <see cref="Value"/> itself, or for every count above D when <see cref="AndAbove"/>. Entries are in ascending noise
/// and their intervals tile [0, 1); noises of probability 0 are left out.
/// </summary>
/// <param name="Value">The original count (0 … D), or D + 1 for the row of every count above D.</param>
/// <param name="AndAbove">True for the last row, which serves every count above D.</param>
/// <param name="TargetVariance">The variance this row was built for: V, or less where the row cannot spread that far.</param>
/// <param name="Entries">The possible noises with their cell-key intervals.</param>
public sealed record PerturbationRow(int Value, bool AndAbove, decimal TargetVariance, IReadOnlyList<PerturbationEntry> Entries)
{
    /// <summary>The noise whose interval holds <paramref name="cellKey"/> (in [0, 1)).</summary>
    public int NoiseFor(decimal cellKey)
    {
        foreach (var entry in Entries)
        {
            if (cellKey < entry.Upper)
            {
                return entry.Noise;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(cellKey), cellKey, "a cell key is in [0, 1)");
    }
}
