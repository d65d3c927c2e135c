using OutputControl.Audit;
using OutputControl.Requests;
using OutputControl.Results;
using OutputControl.Rules;
using OutputControl.Suppression;
using OutputControl.Tables;

namespace OutputControl.Tests.Suppression;

public class SecondarySuppressionTests
{
    internal static ProtectionProblem Problem(TableOutput table, Policy? policy = null)
    {
        policy ??= Policy.Default;
        var grid = TableGrid.Build(table);
        var primary = new bool[grid.Count];
        var requirement = new ProtectionRequirement[grid.Count];
        for (var c = 0; c < grid.Count; c++)
        {
            var a = PrimaryRules.Assess(table.Measure, grid.Value[c], grid.Units[c], grid.Contributions(c), policy);
            primary[c] = a.IsPrimary;
            requirement[c] = a.Requirement;
        }

        return new ProtectionProblem(grid, primary, requirement);
    }

    internal static decimal Cost(ProtectionProblem problem, bool[] suppressed) =>
        Enumerable.Range(0, suppressed.Length).Where(c => suppressed[c] && !problem.Primary[c]).Sum(c => problem.Grid.Value[c]);

    private static string[] Suppressed(ProtectionProblem problem, bool[] suppressed) =>
        Enumerable.Range(0, suppressed.Length).Where(c => suppressed[c]).Select(c => string.Join(",", problem.Grid.Key(c))).ToArray();

    [Theory]
    [InlineData(SecondaryMethod.Optimal)]
    [InlineData(SecondaryMethod.Fast)]
    public void Protect_SinglePrimaryIn2DTable_SuppressesRectangleOfFour(SecondaryMethod method)
    {
        // 3×3 inner cells; (a0,b0) = 5 is the only primary. The cheapest rectangle uses the smallest partners:
        // (a0,b1)=20, (a1,b0)=30, (a1,b1)=40 — cost 90; any other rectangle costs more.
        var table = Tables.Grid([3, 3], [5, 20, 60, 30, 40, 70, 50, 80, 90]);
        var problem = Problem(table);

        var result = SecondarySuppression.Protect(problem, method, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected);
        Assert.Equal(["a0,b0", "a0,b1", "a1,b0", "a1,b1"], Suppressed(problem, result.Suppressed));
    }

    [Theory]
    [InlineData(SecondaryMethod.Optimal)]
    [InlineData(SecondaryMethod.Fast)]
    public void Protect_SingletonColumnHoldingThePrimary_IsNotItsAttacker(SecondaryMethod method)
    {
        // Column b0 holds one person, in (a0,b0). That person knows the column total (1) and so where they are, but
        // (a0,b0) holds nobody else: narrowing it tells them nothing new. Treating them as (a0,b0)'s attacker blocked
        // this table ("no suppression pattern protects every primary cell") although every primary can be protected.
        var problem = Problem(Tables.Grid([3, 3], [1, 4, 3, 0, 1, 3, 0, 4, 4]));

        var result = SecondarySuppression.Protect(problem, method, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected, string.Join("; ", result.AuditFailures));
        Assert.Empty(PropertyTests.IndependentAudit(problem, result.Suppressed));
    }

    [Fact]
    public void Protect_OneWayTable_SuppressesSmallestPartnerThatGivesWidth()
    {
        // A=9 needs hi − lo ≥ 10: partner B=12 gives [0, 21]; a partner of 0 would not.
        var problem = Problem(Tables.OneWay([9, 12, 40, 0], [9, 12, 40, 0]));

        var result = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));

        Assert.Equal(["A", "B"], Suppressed(problem, result.Suppressed));
    }

    [Fact]
    public void Protect_TwoPrimariesInOneRow_ProtectEachOtherOnlyIfNotSingletons()
    {
        // Two primaries A=3 and B=4 with units 3 and 4: together [0,7] each, width 7 < 10 — a third cell is needed.
        var problem = Problem(Tables.OneWay([3, 4, 30, 50]));

        var result = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));

        Assert.Equal(["A", "B", "C"], Suppressed(problem, result.Suppressed));
        Assert.Empty(PatternAuditor.Audit(problem, result.Suppressed));
    }

    [Theory]
    [InlineData(SecondaryMethod.Optimal)]
    [InlineData(SecondaryMethod.Fast)]
    public void Protect_SingletonOwnerKnowsOwnValue_NeedsThirdCell(SecondaryMethod method)
    {
        // A: 1 unit (value 1), B: 20 units. Suppressing A and B alone gives A ∈ [0,21] — but B's protection is not
        // at stake; A's owner learns nothing new. Now make B a primary too (9 units, value 15): with A and B
        // suppressed, A's owner knows A = 1 and gets B = 16 − 1 exactly. A third cell is required.
        var problem = Problem(Tables.OneWay([1, 15, 30, 60], [1, 9, 30, 60]));

        var result = SecondarySuppression.Protect(problem, method, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected);
        Assert.Contains("C", Suppressed(problem, result.Suppressed));
        Assert.DoesNotContain("T", Suppressed(problem, result.Suppressed));
    }

    [Fact]
    public void Protect_NoInnerPattern_FallsBackToMargins()
    {
        // A is dominated (upper protection 100/85·1010 − 1010 ≈ 178) but the only other cell, B = 60, can give
        // it at most 60: no inner pattern exists, so the total is suppressed with A.
        CellInput[] cells =
        [
            new(["A"], 1010, 2, [1000, 10]),
            new(["B"], 60, 3, [20, 20, 20]),
            new(["T"], 1070, 5, null),
        ];
        var table = new TableOutput(Measure.Sum, [new Dimension("s", ["A", "B"], "T")], cells);
        var problem = Problem(table, new Policy(minUnits: 1));

        var result = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected);
        Assert.Equal(["A", "T"], Suppressed(problem, result.Suppressed));
        Assert.Contains(result.Notes, n => n.Contains("margins", StringComparison.Ordinal));
    }

    [Fact]
    public void Protect_ThreeWayTable_SuppressesCubeOfEight()
    {
        var inner = Enumerable.Range(0, 27).Select(i => (decimal)(20 + i)).ToArray();
        inner[0] = 4;
        var problem = Problem(Tables.Grid([3, 3, 3], inner));

        var result = SecondarySuppression.Protect(problem, SecondaryMethod.Fast, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected);
        Assert.Equal(8, Suppressed(problem, result.Suppressed).Length);
        Assert.Empty(PatternAuditor.Audit(problem, result.Suppressed));
    }

    [Fact]
    public void Protect_FourWayTable_IsAudited()
    {
        var inner = Enumerable.Range(0, 16).Select(i => (decimal)(15 + i)).ToArray();
        inner[5] = 3;
        var problem = Problem(Tables.Grid([2, 2, 2, 2], inner));

        var result = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected);
        Assert.Empty(PatternAuditor.Audit(problem, result.Suppressed));
    }

    [Fact]
    public void Protect_PPercentPrimaryInSumTable_MeetsUpperAndLowerLevels()
    {
        decimal[][] contributions = [[1000, 400, 20, 20], [300, 300, 300, 300], [500, 400, 300, 200], [250, 250, 250, 250]];
        var cells = contributions.Select((c, i) => new CellInput([((char)('A' + i)).ToString()], c.Sum(), c.Length, c)).ToList();
        cells.Add(new CellInput(["T"], cells.Sum(c => c.Value), 16, null));
        var table = new TableOutput(Measure.Sum, [new Dimension("s", ["A", "B", "C", "D"], "T")], cells);
        var problem = Problem(table, new Policy(minUnits: 3));

        var result = OutputChecker.Check(Tables.Request(table, new Policy(minUnits: 3)));

        Assert.Equal(Verdict.Protected, result.Verdict);
        Assert.Equal(CellStatus.Primary, result.Cells[0].Status);
        Assert.Single(result.Cells, c => c.Status == CellStatus.Secondary);
        Assert.True(problem.Primary[0]);
    }
}
