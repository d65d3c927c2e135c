using OutputControl.Audit;
using OutputControl.Tests.Suppression;

namespace OutputControl.Tests.Audit;

public class PatternAuditorTests
{
    private static bool[] Pattern(int count, params int[] cells)
    {
        var s = new bool[count];
        foreach (var c in cells)
        {
            s[c] = true;
        }

        return s;
    }

    [Fact]
    public void Audit_PrimaryPublished_Fails()
    {
        var problem = SecondarySuppressionTests.Problem(Tables.OneWay([9, 25, 40]));

        var failures = PatternAuditor.Audit(problem, new bool[problem.Grid.Count]);

        Assert.Single(failures);
    }

    [Fact]
    public void Audit_TwoCellsInOneRowOf2DTable_FailsBecauseColumnsPinThem()
    {
        // 2×2 inner + margins, grid index = row·3 + col. Suppressing (0,0) and (0,1) only: each column total pins
        // its cell exactly.
        var problem = SecondarySuppressionTests.Problem(Tables.Grid([2, 2], [5, 30, 40, 50]));

        var failures = PatternAuditor.Audit(problem, Pattern(problem.Grid.Count, 0, 1));

        Assert.Contains(failures, f => f.Cell == 0 && f.Detail.Contains("[5, 5]", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_Rectangle_ProvesWidth()
    {
        var problem = SecondarySuppressionTests.Problem(Tables.Grid([2, 2], [5, 30, 40, 50]));

        Assert.Empty(PatternAuditor.Audit(problem, Pattern(problem.Grid.Count, 0, 1, 3, 4)));
    }

    [Fact]
    public void Audit_RectangleWithTooSmallPartners_Fails()
    {
        // (0,0)=5 with opposite corners (0,1)=2 and (1,0)=3: 5 can rise by only 2 and fall by 5: width 7 < 10.
        var problem = SecondarySuppressionTests.Problem(Tables.Grid([2, 2], [5, 2, 3, 50], [5, 2, 3, 50]));

        var failures = PatternAuditor.Audit(problem, Pattern(problem.Grid.Count, 0, 1, 3, 4));

        Assert.Contains(failures, f => f.Cell == 0);
    }

    [Fact]
    public void Audit_SingletonOwnerNarrowsPartner_FailsOnlyInThatScenario()
    {
        // One-way: A has 1 unit (value 4), B has 6 units (value 8), total published. Plain attacker: B ∈ [0, 12],
        // width 12 ≥ 10. A's owner knows A = 4 and so B = 8 exactly.
        var problem = SecondarySuppressionTests.Problem(Tables.OneWay([4, 8, 50], [1, 6, 50]));

        var failures = PatternAuditor.Audit(problem, Pattern(problem.Grid.Count, 0, 1));

        var failure = Assert.Single(failures);
        Assert.Equal(1, failure.Cell);
        Assert.Equal(0, failure.KnownSingleton);
        Assert.Contains("owner of ['A']", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_NonRectangularCycleInLargerTable_ProvenByLp()
    {
        // 3×3: a 6-cell alternating cycle (0,0)+ (0,1)- (1,1)+ (1,2)- (2,2)+ (2,0)- is no rectangle, so no
        // certificate exists; the exact LP proves it.
        var inner = new decimal[] { 5, 30, 40, 40, 30, 50, 60, 70, 30 };
        var problem = SecondarySuppressionTests.Problem(Tables.Grid([3, 3], inner));
        int Cell(int r, int c) => (r * 4) + c;

        var pattern = Pattern(problem.Grid.Count, Cell(0, 0), Cell(0, 1), Cell(1, 1), Cell(1, 2), Cell(2, 2), Cell(2, 0));

        Assert.False(PatternAuditor.Certified(problem, pattern, Cell(0, 0)));
        Assert.Empty(PatternAuditor.Audit(problem, pattern));
    }
}
