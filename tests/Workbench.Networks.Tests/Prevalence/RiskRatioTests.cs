using Workbench.Networks.Prevalence;

namespace Workbench.Networks.Tests.Prevalence;

public sealed class RiskRatioTests
{
    [Fact]
    public void FromWeightedMeans_Shares_MatchesHandComputedDeltaMethod()
    {
        // m1 = 0.375, var1 = 2·0.125²/2² ; m0 = 0.2, var0 = 2·0.1²/3² ; se(log RR) = √(1/18 + 1/18) = 1/3.
        var ratio = RiskRatio.FromWeightedMeans([0.5, 0.25], [1, 1], [0.1, 0.3, 0.2], [1, 1, 1]);
        Assert.Equal(1.875, ratio.Estimate, 12);
        Assert.Equal(0.9755901893013182, ratio.Lower, 12);
        Assert.Equal(3.6035878984369054, ratio.Upper, 12);
    }

    [Fact]
    public void FromWeightedMeans_BinaryUnitWeights_IsKatzInterval()
    {
        // 30/100 vs 10/100: RR 3, se = √(1/30 − 1/100 + 1/10 − 1/100).
        double[] cases = [.. Enumerable.Repeat(1.0, 30), .. Enumerable.Repeat(0.0, 70)];
        double[] controls = [.. Enumerable.Repeat(1.0, 10), .. Enumerable.Repeat(0.0, 90)];
        double[] ones = [.. Enumerable.Repeat(1.0, 100)];
        var ratio = RiskRatio.FromWeightedMeans(cases, ones, controls, ones);
        Assert.Equal(3, ratio.Estimate, 12);
        Assert.Equal(1.5508297195435499, ratio.Lower, 10);
        Assert.Equal(5.803345065278306, ratio.Upper, 10);
    }

    [Fact]
    public void FromWeightedMeans_Weights_ActLikeRepeatedControls()
    {
        // A control with weight 2 counts twice in the mean: (0.1·2 + 0.4) / 3 = 0.2.
        var ratio = RiskRatio.FromWeightedMeans([0.4], [1], [0.1, 0.4], [2, 1]);
        Assert.Equal(2, ratio.Estimate, 12);
    }

    [Fact]
    public void FromWeightedMeans_ZeroControlMean_HasNoInterval()
    {
        var ratio = RiskRatio.FromWeightedMeans([0.5], [1], [0.0, 0.0], [1, 1]);
        Assert.True(double.IsPositiveInfinity(ratio.Estimate));
        Assert.True(double.IsNaN(ratio.Lower));
    }

    [Fact]
    public void FromWeightedMeans_EmptyGroup_IsNaN()
    {
        var ratio = RiskRatio.FromWeightedMeans([], [], [0.5], [1]);
        Assert.True(double.IsNaN(ratio.Estimate));
    }

    [Fact]
    public void WeightedMean_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => RiskRatio.WeightedMean([1.0, 2.0], [1.0]));
    }
}
