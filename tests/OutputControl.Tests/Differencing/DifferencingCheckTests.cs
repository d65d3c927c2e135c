using OutputControl.Differencing;
using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests.Differencing;

public class DifferencingCheckTests
{
    [Fact]
    public void Find_MarginGrewByFewUnits_IsDifferencing()
    {
        var before = Tables.OneWay([20, 25, 40]);
        var now = Tables.OneWay([20, 25, 44]);

        var findings = DifferencingCheck.Find(now, _ => true, [before], Policy.Default);

        Assert.Contains(findings, f => f.Detail.StartsWith("cell ['T']: 89 units now, 85 in previous[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_DifferenceOfMinUnits_IsFine()
    {
        var findings = DifferencingCheck.Find(Tables.OneWay([20, 25, 50]), _ => true, [Tables.OneWay([20, 25, 40])], Policy.Default);

        Assert.Empty(findings);
    }

    [Fact]
    public void Find_NewCategoryOfFewUnits_IsolatedThroughTotals()
    {
        // Before: categories A, B. Now: A, B and a new C of 3 units; totals differ by 3 even with another label.
        var before = new TableOutput(Measure.Count, [new Dimension("d0", ["A", "B"], "Totaal")],
            [new CellInput(["A"], 20, 20, null), new CellInput(["B"], 25, 25, null), new CellInput(["Totaal"], 45, 45, null)]);
        var now = Tables.OneWay([20, 25, 3]);

        var findings = DifferencingCheck.Find(now, c => c != 2, [before], Policy.Default);

        Assert.Single(findings);
        Assert.Contains("isolates 3 units", findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DifferencingThroughSuppressedCell_IsNotReported()
    {
        var before = Tables.OneWay([20, 25, 40]);
        var now = Tables.OneWay([20, 25, 40]);

        var result = OutputChecker.Check(Tables.Request(now, null, before));

        Assert.Equal(Verdict.Safe, result.Verdict);
    }

    [Fact]
    public void Check_CellByCellDifferenceOfNestedCategory_Blocks()
    {
        // The same category B was released with 25 units; now it has 27 (two more persons joined the group).
        var result = OutputChecker.Check(Tables.Request(Tables.OneWay([20, 27, 40], total: false), null, Tables.OneWay([20, 25, 40], total: false)));

        Assert.Equal(Verdict.Blocked, result.Verdict);
        Assert.Single(result.Findings, f => f.Rule == "differencing");
    }
}
