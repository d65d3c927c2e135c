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

    private static TableOutput Renamed(TableOutput table, params string[] names) =>
        table with { Dimensions = [.. table.Dimensions.Select((d, i) => d with { Name = names[i] })] };

    /// <summary>The same table with its two dimensions swapped: each key reversed, dimensions reversed.</summary>
    private static TableOutput Transposed(TableOutput table) => table with
    {
        Dimensions = [.. table.Dimensions.Reverse()],
        Cells = [.. table.Cells.Select(c => c with { Key = [.. c.Key.Reverse()] })],
    };

    [Fact]
    public void Check_RenamedDimension_StillBlocksAsUnderItsOriginalName()
    {
        var before = Tables.OneWay([20, 25, 40], total: false);
        var sameName = Tables.OneWay([20, 27, 40], total: false);
        var renamed = Renamed(sameName, "municipality");

        var byName = OutputChecker.Check(Tables.Request(sameName, null, before));
        var byContent = OutputChecker.Check(Tables.Request(renamed, null, before));

        Assert.Equal(Verdict.Blocked, byName.Verdict);
        Assert.Equal(Verdict.Blocked, byContent.Verdict);
        Assert.Equal(byName.Findings.Where(f => f.Rule == "differencing"), byContent.Findings.Where(f => f.Rule == "differencing"));
    }

    [Fact]
    public void Find_TwoWayTableRenamedAndReordered_StillFindsTheDifference()
    {
        var before = Tables.Grid([2, 3], [20, 25, 40, 30, 35, 50]);
        var now = Tables.Grid([2, 3], [20, 25, 40, 30, 38, 50]); // cell (b?, …) grew by 3 units
        var disguised = Renamed(Transposed(now), "x", "y");

        var plain = DifferencingCheck.Find(now, _ => true, [before], Policy.Default);
        var found = DifferencingCheck.Find(disguised, _ => true, [before], Policy.Default);

        Assert.NotEmpty(plain);
        Assert.Equal(plain.Count, found.Count);
        Assert.All(found, f => Assert.Contains("isolates 3 units", f.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void Find_DimensionsSharingNoCategory_AreNotCompared()
    {
        var before = Tables.OneWay([20, 25, 40]);
        var other = new TableOutput(Measure.Count, [new Dimension("d0", ["X", "Y", "Z"], "T")],
            [new CellInput(["X"], 20, 20, null), new CellInput(["Y"], 25, 25, null), new CellInput(["Z"], 44, 44, null), new CellInput(["T"], 89, 89, null)]);

        Assert.Empty(DimensionPairing.Of(other, before));
        Assert.Empty(DifferencingCheck.Find(other, _ => true, [before], Policy.Default));
    }

    [Fact]
    public void Parse_PreviousWithRenamedDimension_IsComparable()
    {
        const string Request = """
            { "output": { "kind": "table", "measure": "count",
                "dimensions": [ { "name": "municipality", "categories": ["A", "B"], "total": null } ],
                "cells": [ { "key": ["A"], "value": 20, "units": 20 }, { "key": ["B"], "value": 27, "units": 27 } ] },
              "previous": [ { "kind": "table", "measure": "count",
                "dimensions": [ { "name": "gemeente", "categories": ["A", "B"], "total": null } ],
                "cells": [ { "key": ["A"], "value": 20, "units": 20 }, { "key": ["B"], "value": 25, "units": 25 } ] } ] }
            """;

        var result = OutputChecker.Check(Request);

        Assert.Equal(Verdict.Blocked, result.Verdict);
        Assert.Contains(result.Findings, f => f.Rule == "differencing" && f.Detail.Contains("isolates 2 units", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_CellHiddenInTheEarlierRelease_IsNotSubtracted()
    {
        var before = Tables.OneWay([20, 25, 40]);
        before = before with { Cells = [.. before.Cells.Select(c => c.Key[0] == "T" ? c with { Suppressed = true } : c)] };

        Assert.Empty(DifferencingCheck.Find(Tables.OneWay([20, 25, 44]), c => c == 3, [before], Policy.Default));
    }

    [Fact]
    public void Find_OtherPopulation_IsNotCompared()
    {
        var before = Tables.OneWay([20, 25, 40]) with { Population = "companies" };
        var now = Tables.OneWay([20, 25, 44]) with { Population = "persons" };

        Assert.Empty(DifferencingCheck.Find(now, _ => true, [before], Policy.Default));
        Assert.NotEmpty(DifferencingCheck.Find(now with { Population = null }, _ => true, [before], Policy.Default));
    }
}
