using OutputControl.Audit;
using OutputControl.Requests;
using OutputControl.Rules;
using OutputControl.Tables;
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

    /// <summary>
    /// T ⊃ G1 ⊃ B1, B2, B3 and G2 ⊃ B4, B5, by columns c0–c2 with a total. p = (B1, c0) = 20 lies on two rectangles,
    /// {B1, B2} × {c0, c1} and {B1, B3} × {c0, c2}: each alone lets p rise by 6 and 5 (their falling corners), together
    /// by 11. (G1, c0), (G1, c1), (G2, c0) and (G2, c1) are suppressed too, which links the group to 11 cells but adds no
    /// freedom: (G2, ·) equals published buurt cells. Only p is primary, with the requirement given.
    /// </summary>
    private static (ProtectionProblem Problem, bool[] Pattern, int P) TwoRectangles(decimal upper)
    {
        var area = new Dimension("area", ["G1", "B1", "B2", "B3", "G2", "B4", "B5"], "T",
            new Dictionary<string, string> { ["B1"] = "G1", ["B2"] = "G1", ["B3"] = "G1", ["B4"] = "G2", ["B5"] = "G2" });
        var leaves = new Dictionary<string, decimal>
        {
            ["B1,c0"] = 20, ["B1,c1"] = 6, ["B1,c2"] = 5,
            ["B2,c0"] = 6, ["B2,c1"] = 30, ["B2,c2"] = 40,
            ["B3,c0"] = 5, ["B3,c1"] = 40, ["B3,c2"] = 30,
            ["B4,c0"] = 40, ["B4,c1"] = 41, ["B4,c2"] = 42,
            ["B5,c0"] = 43, ["B5,c1"] = 44, ["B5,c2"] = 45,
        };
        var table = Tables.Hierarchical([area, new Dimension("col", ["c0", "c1", "c2"], "T")], key => leaves[string.Join(",", key)]);
        var grid = TableGrid.Build(table);
        int Cell(string a, string c) => (grid.Hierarchy[0].IndexOf(a) * grid.Stride[0]) + (grid.Hierarchy[1].IndexOf(c) * grid.Stride[1]);
        var p = Cell("B1", "c0");
        var primary = new bool[grid.Count];
        primary[p] = true;
        var requirement = new ProtectionRequirement[grid.Count];
        requirement[p] = new ProtectionRequirement(0, upper, 0);
        var pattern = Pattern(
            grid.Count,
            p, Cell("B1", "c1"), Cell("B2", "c0"), Cell("B2", "c1"), Cell("B1", "c2"), Cell("B3", "c0"), Cell("B3", "c2"),
            Cell("G1", "c0"), Cell("G1", "c1"), Cell("G2", "c0"), Cell("G2", "c1"));
        return (new ProtectionProblem(grid, primary, requirement), pattern, p);
    }

    [Fact]
    public void Audit_GroupTooLargeForOneLp_ProvenWithinTheCellsBlock()
    {
        // Upper 10 needs both rectangles at once, so no single certificate proves it; the whole group (11 cells) is
        // over the limit of 10, but G1's block (B1–B3 and G1 by every column: 9 suppressed cells) fits and proves 11.
        var (problem, pattern, p) = TwoRectangles(upper: 10);

        Assert.False(PatternAuditor.Certified(problem, pattern, p));
        Assert.Empty(PatternAuditor.Audit(problem, pattern, maxLpGroup: 11));
        Assert.Empty(PatternAuditor.Audit(problem, pattern, maxLpGroup: 10));
    }

    [Fact]
    public void Audit_GroupTooLargeForOneLp_BlockFailureIsNotProvenNotNarrowed()
    {
        // Upper 12 > 11: the whole group's LP shows the narrowing [0, 31]; a block, whose outside is held fixed,
        // cannot tell a real narrowing from its own restriction, so it reports the cell as not proven.
        var (problem, pattern, p) = TwoRectangles(upper: 12);

        var whole = Assert.Single(PatternAuditor.Audit(problem, pattern, maxLpGroup: 11));
        Assert.Equal("['B1','c0'] can be narrowed to [0, 31]", whole.Detail);

        var blocked = Assert.Single(PatternAuditor.Audit(problem, pattern, maxLpGroup: 10));
        Assert.Equal(p, blocked.Cell);
        Assert.Contains("not proven", blocked.Detail, StringComparison.Ordinal);
        Assert.Contains("largest block that fits (9 cells", blocked.Detail, StringComparison.Ordinal);
        Assert.Contains("reaches only [0, 31]", blocked.Detail, StringComparison.Ordinal);

        var none = Assert.Single(PatternAuditor.Audit(problem, pattern, maxLpGroup: 8));
        Assert.Contains("no block of it around the cell fits", none.Detail, StringComparison.Ordinal);
    }
}
