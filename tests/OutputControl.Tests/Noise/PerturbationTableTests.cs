using OutputControl.Noise;

namespace OutputControl.Tests.Noise;

/// <summary>The p-table: hand-derived small tables, and mean 0, variance, bound and non-negativity on every row of a
/// grid of (D, V).</summary>
public class PerturbationTableTests
{
    private static (int Noise, decimal Lower, decimal Upper)[] Layout(PerturbationRow row) =>
        [.. row.Entries.Select(e => (e.Noise, e.Lower, e.Upper))];

    [Fact]
    public void For_MaxNoiseOneVarianceHalf_IsTheHandDerivedTable()
    {
        // D = 1: row 1 may not go below 1 − 1 = 0, and a mean-0 noise in {0, 1} is 0. Above D the support is {−1, 0, 1};
        // mean 0 and variance ½ leave p(−1) = p(1) = ¼, p(0) = ½ (three outcomes, three constraints).
        var table = PerturbationTable.For(new CellKeyPolicy(1, 0.5m));

        Assert.Equal(3, table.Rows.Count);
        Assert.Equal([(0, 0m, 1m)], Layout(table.Rows[0]));
        Assert.Equal([(0, 0m, 1m)], Layout(table.Rows[1]));
        Assert.Equal([(-1, 0m, 0.25m), (0, 0.25m, 0.75m), (1, 0.75m, 1m)], Layout(table.Rows[2]));
        Assert.True(table.Rows[2].AndAbove);
    }

    [Fact]
    public void For_VarianceAtMaxNoiseSquared_RowsAreTheTwoPointDistributions()
    {
        // D = 2, V = 4 = D²: above D only ±2 with ½ each. Row 2 (noise ≥ −1) spreads at most 1·2 = 2 < 4: all mass on
        // −1 and 2 with mean 0, p(−1) = 2/3, p(2) = 1/3.
        var table = PerturbationTable.For(new CellKeyPolicy(2, 4m));

        Assert.Equal([(0, 0m, 1m)], Layout(table.Rows[1]));
        Assert.Equal([(-1, 0m, 0.666666666667m), (2, 0.666666666667m, 1m)], Layout(table.Rows[2]));
        Assert.Equal(2m, table.Rows[2].TargetVariance);
        Assert.Equal([(-2, 0m, 0.5m), (2, 0.5m, 1m)], Layout(table.Rows[3]));
    }

    [Fact]
    public void For_SymmetricRow_IsTheHandDerivedMaximumEntropyDistribution()
    {
        // Maximum entropy on −2..2 with mean 0 is p(x) ∝ rˣ² (here r = ½): p(0) = 8/17, p(±1) = 4/17, p(±2) = 1/34, whose
        // variance is 2·(4/17 + 4/34) = 12/17.
        var table = PerturbationTable.For(new CellKeyPolicy(2, 12m / 17m));

        var row = table.Rows[3];
        Assert.Equal([-2, -1, 0, 1, 2], row.Entries.Select(e => e.Noise));
        decimal[] expected = [1m / 34m, 4m / 17m, 8m / 17m, 4m / 17m, 1m / 34m];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal((double)expected[i], (double)row.Entries[i].Probability, 1e-11);
        }
    }

    public static TheoryData<int, decimal> Grid()
    {
        var data = new TheoryData<int, decimal>();
        foreach (var d in new[] { 1, 2, 3, 5, 8, 20, 100 })
        {
            foreach (var v in new[] { 0.01m, 0.5m, 1m, 2m, d, d * d / 2m, d * d - 0.001m, d * d })
            {
                if (v <= d * d)
                {
                    data.Add(d, v);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void For_EveryRow_HasMeanZeroItsVarianceBoundDAndNoNonPositiveCount(int d, decimal v)
    {
        var table = PerturbationTable.For(new CellKeyPolicy(d, v));

        Assert.Equal(d + 2, table.Rows.Count);
        for (var count = 0; count <= d + 1; count++)
        {
            var row = table.Rows[count];
            Assert.Equal(count, row.Value);
            var entries = row.Entries;
            Assert.Equal(0m, entries[0].Lower);
            Assert.Equal(1m, entries[^1].Upper);
            for (var i = 1; i < entries.Count; i++)
            {
                Assert.Equal(entries[i - 1].Upper, entries[i].Lower); // the intervals tile [0, 1)
                Assert.True(entries[i].Noise > entries[i - 1].Noise);
            }

            Assert.All(entries, e => Assert.True(e.Probability > 0 && Math.Abs(e.Noise) <= d));
            Assert.All(entries, e => Assert.True(count == 0 ? e.Noise == 0 : count + e.Noise >= 1));
            var mean = entries.Sum(e => e.Probability * e.Noise);
            var variance = entries.Sum(e => e.Probability * e.Noise * e.Noise);
            var target = count == 0 ? 0m : Math.Min(v, (decimal)(count - 1) * d);
            Assert.Equal(target, row.TargetVariance);

            // The solver stops within 1e-12 (relative); rounding the interval ends to 12 decimals moves each probability
            // by at most 1e-12, so the mean by at most 1e-12·Σ|x| and the variance by at most 1e-12·Σx² over −D..D.
            var meanSlack = (1e-12m * Math.Max(1m, (decimal)Math.Sqrt((double)target))) + (1e-12m * d * (d + 1));
            var varianceSlack = (1e-12m * Math.Max(1m, target)) + (1e-12m * d * (d + 1) * ((2 * d) + 1) / 3);
            Assert.True(Math.Abs(mean) <= meanSlack, $"row {count}: mean {mean}");
            Assert.True(Math.Abs(variance - target) <= varianceSlack, $"row {count}: variance {variance}, target {target}");
        }

        Assert.Equal(v, table.Rows[d + 1].TargetVariance); // every count above D gets the full variance
    }

    [Fact]
    public void Solve_InnerRow_IsLogQuadratic()
    {
        // The maximum-entropy distribution with given mean and variance is p(x) ∝ exp(a·x + b·x²): second differences of
        // log p are constant. Row 3 of D = 5, V = 3 has support −2..5.
        var p = MaxEntropy.Solve(-2, 5, 3.0);

        var log = p.Select(q => Math.Log(q)).ToArray();
        var second = Enumerable.Range(1, log.Length - 2).Select(i => log[i + 1] - (2 * log[i]) + log[i - 1]).ToArray();
        Assert.All(second, s => Assert.Equal(second[0], s, 1e-9));
        Assert.Equal(0, p.Select((q, i) => q * (i - 2)).Sum(), 1e-13);
        Assert.Equal(3, p.Select((q, i) => q * (i - 2) * (i - 2)).Sum(), 1e-12);
    }

    [Fact]
    public void NoiseFor_SameCountAndKey_AlwaysTheSameNoise()
    {
        var table = PerturbationTable.For(new CellKeyPolicy(3, 2m));
        var rebuilt = PerturbationTable.For(new CellKeyPolicy(3, 2.0m));

        for (var count = 0; count < 12; count++)
        {
            for (var k = 0m; k < 1m; k += 0.0625m)
            {
                Assert.Equal(table.NoiseFor(count, k), rebuilt.NoiseFor(count, k));
                Assert.Equal(table.NoiseFor(count, k), table.NoiseFor(count, k));
            }
        }

        Assert.Equal(table.NoiseFor(7, 0.3m), table.NoiseFor(1000, 0.3m)); // every count above D shares one row
    }

    [Fact]
    public void NoiseFor_TrueZero_IsZeroWhateverTheKey()
    {
        var table = PerturbationTable.For(new CellKeyPolicy(5, 25m));

        for (var k = 0m; k < 1m; k += 0.125m)
        {
            Assert.Equal(0, table.NoiseFor(0, k));
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void NoiseFor_KeyOutsideUnitInterval_Throws(double key) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PerturbationTable.For(new CellKeyPolicy(2, 1m)).NoiseFor(5, (decimal)key));
}
