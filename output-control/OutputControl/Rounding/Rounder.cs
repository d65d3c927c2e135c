using OutputControl.Requests;

namespace OutputControl.Rounding;

/// <summary>Rounds a published count to a multiple of the policy's base, exactly, in decimals.</summary>
public static class Rounder
{
    /// <summary>Rounds <paramref name="value"/> to the nearest multiple of <paramref name="roundingBase"/>;
    /// midpoints follow <paramref name="midpoint"/> (15 → 20 and 25 → 30 away from zero, 25 → 20 to even).</summary>
    public static decimal Round(decimal value, int roundingBase, MidpointPolicy midpoint)
    {
        if (roundingBase < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(roundingBase), roundingBase, "the rounding base must be at least 1");
        }

        var mode = midpoint == MidpointPolicy.ToEven ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero;
        return Math.Round(value / roundingBase, 0, mode) * roundingBase;
    }
}
