using System.Text.Json;
using OutputControl.Noise;
using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests.Noise;

/// <summary>Count tables under <c>policy.cellKey</c>, JSON in and JSON out through <see cref="OutputChecker"/>.</summary>
public class CellKeyMethodTests
{
    // D = 1, V = ½: a count of 1 keeps its value; above 1, keys in [0, ¼) give −1, [¼, ¾) give 0, [¾, 1) give +1.
    private const string Policy = """{ "cellKey": { "maxNoise": 1, "variance": 0.5 } }""";

    private static string Request(string cells, string policy = Policy, string measure = "count", string previous = "[]") => $$"""
        { "policy": {{policy}},
          "output": { "kind": "table", "measure": "{{measure}}",
            "dimensions": [ { "name": "gemeente", "categories": ["A", "B", "C", "D", "E"], "total": "Totaal" } ],
            "cells": [ {{cells}} ] },
          "previous": {{previous}} }
        """;

    private const string Cells = """
        { "key": ["A"], "value": 9, "units": 9, "cellKey": 0.1 },
        { "key": ["B"], "value": 25, "units": 25, "cellKey": 0.5 },
        { "key": ["C"], "value": 40, "units": 40, "cellKey": 0.9 },
        { "key": ["D"], "value": 0, "units": 0, "cellKey": 0.95 },
        { "key": ["E"], "value": 1, "units": 1, "cellKey": 0.99 },
        { "key": ["Totaal"], "value": 75, "units": 75, "cellKey": 0.8 }
        """;

    [Fact]
    public void Check_CountTableUnderCellKey_PublishesEveryCellWithItsNoiseAndBound()
    {
        var json = ResultJson.Write(OutputChecker.Check(Request(Cells)));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("protected", root.GetProperty("verdict").GetString());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        // A 9 − 1, B 25 + 0, C 40 + 1, the true zero D stays 0, E (a 1) stays 1, Totaal 75 + 1: no longer the sum 75.
        Assert.Equal([8m, 25m, 41m, 0m, 1m, 76m], cells.Select(c => c.GetProperty("published").GetDecimal()));
        Assert.All(cells, c => Assert.Equal("published", c.GetProperty("status").GetString()));
        Assert.All(cells, c => Assert.Equal(1, c.GetProperty("noiseBound").GetInt32()));
        Assert.All(cells, c => Assert.Equal(0, c.GetProperty("reasons").GetArrayLength()));
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal("cellKey", finding.GetProperty("rule").GetString());
        Assert.Contains("not additive", finding.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("differencing check does not apply", finding.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var policy = root.GetProperty("policy").GetProperty("cellKey");
        Assert.Equal(1, policy.GetProperty("maxNoise").GetInt32());
        Assert.Equal(0.5m, policy.GetProperty("variance").GetDecimal());
    }

    [Fact]
    public void Check_EveryNoiseZero_IsSafe()
    {
        var cells = """
            { "key": ["A"], "value": 9, "units": 9, "cellKey": 0.3 }, { "key": ["B"], "value": 1, "units": 1, "cellKey": 0.9 },
            { "key": ["Totaal"], "value": 10, "units": 10, "cellKey": 0.7 }
            """;

        var result = OutputChecker.Check(Request(cells));

        Assert.Equal(Verdict.Safe, result.Verdict);
        Assert.Equal([9m, 1m, 10m], result.Cells.Select(c => c.Published!.Value));
    }

    [Fact]
    public void Check_SmallCells_ArePublishedNotSuppressed()
    {
        // Without cell-key noise A (9 units) is a primary suppression; with it, it is published with noise.
        var plain = OutputChecker.Check(Request(Cells, policy: "{}"));
        var noised = OutputChecker.Check(Request(Cells));

        Assert.Equal(CellStatus.Primary, plain.Cells[0].Status);
        Assert.Null(plain.Cells[0].NoiseBound);
        Assert.Equal(CellStatus.Published, noised.Cells[0].Status);
    }

    [Fact]
    public void Check_SameCellInTwoReleases_GetsTheSameNoiseAndNoDifferencingFinding()
    {
        // Quarter 2 differs in B and the total; A has the same units, so the same count and the same cell key.
        var q1 = Request(Cells, policy: """{ "cellKey": { "maxNoise": 3, "variance": 2 } }""");
        var q1Output = JsonDocument.Parse(q1).RootElement.GetProperty("output").GetRawText();
        var q2Cells = Cells.Replace("\"value\": 25, \"units\": 25, \"cellKey\": 0.5", "\"value\": 26, \"units\": 26, \"cellKey\": 0.61", StringComparison.Ordinal)
            .Replace("\"value\": 75, \"units\": 75, \"cellKey\": 0.8", "\"value\": 76, \"units\": 76, \"cellKey\": 0.41", StringComparison.Ordinal);
        var q2 = Request(q2Cells, policy: """{ "cellKey": { "maxNoise": 3, "variance": 2 } }""", previous: $"[{q1Output}]");

        var first = OutputChecker.Check(q1);
        var second = OutputChecker.Check(q2);

        var expectedA = 9 + PerturbationTable.For(new CellKeyPolicy(3, 2m)).NoiseFor(9, 0.1m);
        Assert.Equal(expectedA, first.Cells[0].Published);
        Assert.Equal(first.Cells[0].Published, second.Cells[0].Published);
        Assert.Equal(first.Cells[2].Published, second.Cells[2].Published);
        Assert.NotEqual(Verdict.Blocked, second.Verdict);
        Assert.DoesNotContain(second.Findings, f => f.Rule == "differencing");
    }

    [Fact]
    public void Check_SameCountAndKeyAsMarginAndAsInnerCell_GetsTheSameNoise()
    {
        // The total over one unit set in a one-way table, and the same units as an inner cell of another table.
        var policy = new Policy(cellKey: new CellKeyPolicy(2, 1.5m));
        var oneWay = new TableOutput(Measure.Count, [new Dimension("wijk", ["W1", "W2"], "Totaal")],
            [new CellInput(["W1"], 20, 20, null, 0.2m), new CellInput(["W2"], 17, 17, null, 0.537m), new CellInput(["Totaal"], 37, 37, null, 0.737m)]);
        var other = new TableOutput(Measure.Count, [new Dimension("gemeente", ["G1", "G2"], null)],
            [new CellInput(["G1"], 37, 37, null, 0.737m), new CellInput(["G2"], 5, 5, null, 0.1m)]);

        var total = OutputChecker.Check(new CheckRequest(policy, oneWay, [])).Cells[2];
        var inner = OutputChecker.Check(new CheckRequest(policy, other, [])).Cells[0];

        Assert.Equal(total.Published, inner.Published);
    }

    [Fact]
    public void Check_NoCellKeyPolicy_ResultHasNoNoiseBoundAndNoCellKey()
    {
        var json = ResultJson.Write(OutputChecker.Check(Request(Cells, policy: "{}")));

        Assert.DoesNotContain("noiseBound", json, StringComparison.Ordinal);
        Assert.DoesNotContain("cellKey", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "key": ["A"], "value": 9, "units": 9 }""", "cells[0].cellKey: is required when policy.cellKey is set: cell ['A'] needs the fractional part of the sum of its units' record keys")]
    [InlineData("""{ "key": ["A"], "value": 9, "units": 9, "cellKey": 1 }""", "cells[0].cellKey: must be in [0, 1), got 1")]
    [InlineData("""{ "key": ["A"], "value": 9, "units": 9, "cellKey": -0.25 }""", "cells[0].cellKey: must be in [0, 1), got -0.25")]
    [InlineData("""{ "key": ["A"], "value": 9, "units": 9, "cellKey": "0.5" }""", "cells[0].cellKey: must be a number, got string '0.5'")]
    public void Check_BadCellKey_IsInvalidNamingTheCell(string cell, string message)
    {
        var cells = cell + """, { "key": ["Totaal"], "value": 9, "units": 9, "cellKey": 0.1 }""";

        var e = Assert.Throws<InvalidRequestException>(() => OutputChecker.Check(Request(cells)));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Check_SumTableUnderCellKey_IsInvalid()
    {
        var cells = """
            { "key": ["A"], "value": 900, "units": 2, "contributions": [800, 100], "cellKey": 0.3 },
            { "key": ["Totaal"], "value": 900, "units": 2, "contributions": [800, 100], "cellKey": 0.3 }
            """;

        var e = Assert.Throws<InvalidRequestException>(() => OutputChecker.Check(Request(cells, measure: "sum")));

        Assert.Equal("policy.cellKey", e.Field);
        Assert.Equal("cell-key noise applies to count tables; a sum table is protected by suppression: leave cellKey out", e.Problem);
    }

    [Fact]
    public void Check_CellKeysWithoutCellKeyPolicy_AreIgnored()
    {
        var result = OutputChecker.Check(Request(Cells, policy: "{}"));

        Assert.Equal(Verdict.Protected, result.Verdict);
        Assert.Equal(40m, result.Cells[2].Published); // rounded to 10, not noised
    }
}
