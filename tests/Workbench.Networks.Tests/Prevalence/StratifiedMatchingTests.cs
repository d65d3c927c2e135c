using Workbench.Networks.Prevalence;

namespace Workbench.Networks.Tests.Prevalence;

public sealed class StratifiedMatchingTests
{
    // Stratum = vertex / 100: cases 1, 2 (stratum 0) and 105 (stratum 1), 250 (stratum 2, no candidates).
    private static readonly int[] Cases = [1, 2, 105, 250];
    private static readonly int[] Pool = [.. Enumerable.Range(0, 100), 101, 102, 103, 2, 105];

    private static long Stratum(int vertex) => vertex / 100;

    [Fact]
    public void Match_ShortStratum_TakesAllAndWeightsToCaseCount()
    {
        var sample = StratifiedMatching.Match(Cases, Pool, Stratum, controlsPerCase: 5, seed: 1);
        Assert.Equal([1, 2, 105], sample.Cases);
        Assert.Equal([250], sample.UnmatchedCases);
        Assert.Equal(2, sample.Strata);
        // Stratum 0: 10 of 98 candidates (cases 1 and 2 excluded), weight 2/10; stratum 1: all three, weight 1/3.
        Assert.Equal(13, sample.Controls.Length);
        var stratum1 = sample.Controls.Where(v => v >= 100).Order().ToArray();
        Assert.Equal([101, 102, 103], stratum1);
        Assert.All(sample.Controls.Zip(sample.ControlWeights), p => Assert.Equal(p.First >= 100 ? 1 / 3.0 : 0.2, p.Second, 12));
    }

    [Fact]
    public void Match_Controls_AreDistinctAndNeverCases()
    {
        var sample = StratifiedMatching.Match(Cases, Pool, Stratum, controlsPerCase: 5, seed: 1);
        Assert.Equal(sample.Controls.Length, sample.Controls.Distinct().Count());
        Assert.DoesNotContain(sample.Controls, Cases.Contains);
    }

    [Fact]
    public void Match_SameSeed_SameGroup_OtherSeed_OtherGroup()
    {
        var first = StratifiedMatching.Match(Cases, Pool, Stratum, 5, seed: 7);
        var again = StratifiedMatching.Match(Cases.Reverse(), Pool.Reverse(), Stratum, 5, seed: 7);
        var other = StratifiedMatching.Match(Cases, Pool, Stratum, 5, seed: 8);
        Assert.Equal(first.Controls, again.Controls);
        Assert.NotEqual(first.Controls, other.Controls);
    }

    [Fact]
    public void Match_WeightsPerStratum_SumToCaseCount()
    {
        var sample = StratifiedMatching.Match(Cases, Pool, Stratum, 3, seed: 3);
        Assert.Equal(sample.Cases.Length, sample.ControlWeights.Sum(), 12);
    }

    [Fact]
    public void Match_ZeroControlsPerCase_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedMatching.Match(Cases, Pool, Stratum, 0, 1));
    }
}
