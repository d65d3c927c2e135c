using OutputControl.Audit;
using OutputControl.Tests.Suppression;

namespace OutputControl.Tests.Audit;

public class AttackerLpTests
{
    [Fact]
    public void Max_WarmSolveEndsWithoutVerdict_RepeatsFromScratchWithTheSameOptimum()
    {
        // A 5×5 table (values 10·(r + 1) + c) with every inner cell suppressed and the margins published: (0,0) = 10
        // can fall to 0, and rise by the most its row and column partners can give up (rows and columns must still
        // sum), which the unlimited LP finds. With a warm-start limit of one iteration GLOP stops without a verdict
        // (as its warm start cycled on the national table); the answer must still be that optimum, found from scratch.
        var inner = Enumerable.Range(0, 25).Select(i => (decimal)((10 * ((i / 5) + 1)) + (i % 5))).ToArray();
        var problem = SecondarySuppressionTests.Problem(Tables.Grid([5, 5], inner));
        var group = Enumerable.Range(0, 25).Select(i => ((i / 5) * 6) + (i % 5)).ToArray();
        var suppressed = new bool[problem.Grid.Count];
        foreach (var c in group)
        {
            suppressed[c] = true;
        }

        using var normal = new AttackerLp(problem.Grid, group, suppressed, 1_000, includePublished: false);
        using var limited = new AttackerLp(problem.Grid, group, suppressed, 1_000, includePublished: false, warmIterations: 1);
        double[] expected = [normal.Max(0, 1), normal.Max(0, -1), normal.Max(7, 1), normal.Max(7, -1)];
        double[] actual = [limited.Max(0, 1), limited.Max(0, -1), limited.Max(7, 1), limited.Max(7, -1)];

        Assert.Equal(10, expected[1], 6);
        Assert.True(expected[0] > 10, $"(0,0) rises by {expected[0]}");
        Assert.Equal(expected, actual);
        Assert.Equal(0, normal.ColdSolves);
        Assert.True(limited.ColdSolves > 0);
    }
}
