namespace Workbench.Networks.Prevalence;

/// <summary>
/// A ratio of two (weighted) group means with a confidence interval on the log scale (delta method). Units are egos:
/// each ego contributes one value (its network's share of members with a factor, or 1/0 for "any member"), so the
/// clustering of members within networks is respected. With 0/1 values and unit weights this is the usual risk ratio
/// with Katz's log interval.
/// </summary>
/// <param name="Estimate">Case mean divided by control mean (NaN when either group is empty, +∞ when the control mean is 0).</param>
/// <param name="Lower">Lower confidence bound (NaN when not estimable).</param>
/// <param name="Upper">Upper confidence bound (NaN when not estimable).</param>
public readonly record struct RiskRatio(double Estimate, double Lower, double Upper)
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The ratio of weighted means with its interval: m = Σwx/Σw, var(m) = Σw²(x−m)²/(Σw)², and
    /// se(log RR) = √(var₁/m₁² + var₀/m₀²).
    /// </summary>
    public static RiskRatio FromWeightedMeans(
        ReadOnlySpan<double> caseValues, ReadOnlySpan<double> caseWeights,
        ReadOnlySpan<double> controlValues, ReadOnlySpan<double> controlWeights, double z = Z95)
    {
        var (m1, v1) = WeightedMean(caseValues, caseWeights);
        var (m0, v0) = WeightedMean(controlValues, controlWeights);
        if (double.IsNaN(m1) || double.IsNaN(m0)) return new RiskRatio(double.NaN, double.NaN, double.NaN);
        var estimate = m1 / m0;
        if (m1 == 0 || m0 == 0) return new RiskRatio(estimate, double.NaN, double.NaN);
        var se = Math.Sqrt(v1 / (m1 * m1) + v0 / (m0 * m0));
        return new RiskRatio(estimate, Math.Exp(Math.Log(estimate) - z * se), Math.Exp(Math.Log(estimate) + z * se));
    }

    /// <summary>Weighted mean and the variance of that mean (NaN for an empty group).</summary>
    public static (double Mean, double VarianceOfMean) WeightedMean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (values.Length != weights.Length) throw new ArgumentException($"{values.Length} values but {weights.Length} weights", nameof(weights));
        double sumW = 0, sumWx = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sumW += weights[i];
            sumWx += weights[i] * values[i];
        }
        if (sumW <= 0) return (double.NaN, double.NaN);
        var mean = sumWx / sumW;
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var d = values[i] - mean;
            sum += weights[i] * weights[i] * d * d;
        }
        return (mean, sum / (sumW * sumW));
    }
}
