using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests;

public class OutputCheckerTests
{
    internal const string SpecExample = """
        {
          "policy": { "minUnits": 10 },
          "output": {
            "kind": "table",
            "measure": "count",
            "dimensions": [
              { "name": "gemeente", "categories": ["A", "B", "C"], "total": "Totaal" }
            ],
            "cells": [
              { "key": ["A"], "value": 9, "units": 9 },
              { "key": ["B"], "value": 25, "units": 25 },
              { "key": ["C"], "value": 40, "units": 40 },
              { "key": ["Totaal"], "value": 74, "units": 74 }
            ]
          },
          "previous": []
        }
        """;

    [Theory]
    [InlineData(SecondaryMethod.Optimal)]
    [InlineData(SecondaryMethod.Fast)]
    public void Check_SpecExample_GivesDocumentedResult(SecondaryMethod method)
    {
        var json = SpecExample.Replace("\"minUnits\": 10", $"\"minUnits\": 10, \"secondary\": \"{(method == SecondaryMethod.Fast ? "fast" : "optimal")}\"", StringComparison.Ordinal);
        var result = OutputChecker.Check(json);

        Assert.Equal(Verdict.Protected, result.Verdict);
        Assert.Equal(
            [("A", CellStatus.Primary, (decimal?)null), ("B", CellStatus.Secondary, null), ("C", CellStatus.Published, 40m), ("Totaal", CellStatus.Published, 70m)],
            result.Cells.Select(c => (c.Key[0], c.Status, c.Published)).ToArray());
        Assert.Equal(["minUnits: 9 units < 10"], result.Cells[0].Reasons);
        Assert.Equal(["protects ['A']"], result.Cells[1].Reasons);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Check_SpecExample_EchoesEveryPolicyField()
    {
        var json = ResultJson.Write(OutputChecker.Check(SpecExample));

        Assert.Contains("\"minUnits\": 10", json, StringComparison.Ordinal);
        Assert.Contains("\"zerosDisclosive\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"roundingBase\": 10", json, StringComparison.Ordinal);
        Assert.Contains("\"midpointRounding\": \"awayFromZero\"", json, StringComparison.Ordinal);
        Assert.Contains("\"k\": 85", json, StringComparison.Ordinal);
        Assert.Contains("\"pPercent\": 10", json, StringComparison.Ordinal);
        Assert.Contains("\"minResidualDf\": 10", json, StringComparison.Ordinal);
        Assert.Contains("\"secondary\": \"optimal\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoPrimary_IsSafeAndRoundsEveryCell()
    {
        var result = OutputChecker.Check(Tables.Request(Tables.OneWay([15, 25, 44])));

        Assert.Equal(Verdict.Safe, result.Verdict);
        Assert.Equal([20m, 30m, 40m, 80m], result.Cells.Select(c => c.Published!.Value).ToArray());
    }

    [Theory]
    [InlineData(100, 91, Verdict.Blocked)]
    [InlineData(100, 90, Verdict.Safe)]
    public void Check_Model_BlocksBelowMinResidualDf(long n, long k, Verdict expected)
    {
        var result = OutputChecker.Check(new CheckRequest(Policy.Default, new ModelOutput(n, k), []));

        Assert.Equal(expected, result.Verdict);
        Assert.Equal(expected == Verdict.Blocked ? ["residualDf"] : [], result.Findings.Select(f => f.Rule).ToArray());
    }

    [Fact]
    public void Check_SumCellWithoutContributions_ReportsManualReview()
    {
        var table = new TableOutput(
            Measure.Sum,
            [new Dimension("sector", ["A", "B"], null)],
            [new CellInput(["A"], 1000, 20, null), new CellInput(["B"], 500, 30, Enumerable.Repeat(500m / 30, 30).ToArray())]);
        var contributions = table.Cells[1].Contributions!;
        table = table with { Cells = [table.Cells[0], table.Cells[1] with { Value = contributions.Sum() }] };

        var result = OutputChecker.Check(Tables.Request(table));

        Assert.Contains(result.Findings, f => f.Rule == "manualReview" && f.Detail.Contains("['A']", StringComparison.Ordinal));
        Assert.Equal(1000m, result.Cells[0].Published);
    }

    [Fact]
    public void Check_BlockedOutput_PublishesNothing()
    {
        var previous = Tables.OneWay([20, 25, 40]);
        var result = OutputChecker.Check(Tables.Request(Tables.OneWay([20, 25, 44]), null, previous));

        Assert.Equal(Verdict.Blocked, result.Verdict);
        Assert.All(result.Cells, c => Assert.Null(c.Published));
    }
}
