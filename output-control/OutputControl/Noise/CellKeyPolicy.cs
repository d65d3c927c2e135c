using OutputControl.Requests;

namespace OutputControl.Noise;

/// <summary>
/// The parameters of cell-key noise (the policy's <c>cellKey</c>): the largest noise ever added to a count
/// (<see cref="MaxNoise"/>, D) and the noise variance (<see cref="Variance"/>, V) of cells large enough to reach it.
/// Together they fix the <see cref="PerturbationTable"/>, so two releases under the same parameters noise the same
/// cell the same way.
/// </summary>
public sealed record CellKeyPolicy
{
    /// <summary>The largest D accepted: the p-table has D + 2 rows of up to 2D + 1 entries.</summary>
    public const int MaxNoiseLimit = 100;

    /// <summary>Creates the parameters; 1 ≤ <paramref name="maxNoise"/> ≤ 100 and 0 &lt; <paramref name="variance"/> ≤ D².</summary>
    /// <exception cref="InvalidRequestException">Naming <c>policy.cellKey.maxNoise</c> or <c>policy.cellKey.variance</c>.</exception>
    public CellKeyPolicy(int maxNoise, decimal variance)
    {
        if (maxNoise < 1 || maxNoise > MaxNoiseLimit)
        {
            throw new InvalidRequestException("policy.cellKey.maxNoise", $"must be a whole number from 1 to {MaxNoiseLimit}, got {maxNoise}");
        }

        // D² is the variance of noise that is always ±D: no distribution on {−D..D} with mean 0 spreads more.
        if (variance <= 0 || variance > (decimal)maxNoise * maxNoise)
        {
            throw new InvalidRequestException(
                "policy.cellKey.variance", $"must be in (0, {maxNoise * maxNoise}] (0 < V ≤ maxNoise²), got {KeyFormat.Format(variance)}");
        }

        MaxNoise = maxNoise;
        Variance = variance;
    }

    /// <summary>D: no published count differs from the true count by more than this.</summary>
    public int MaxNoise { get; }

    /// <summary>V: the variance of the noise of every count above D (smaller counts get what their row allows).</summary>
    public decimal Variance { get; }
}
