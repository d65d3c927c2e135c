using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests.Linked;

/// <summary>An output linked with an earlier release through a shared spanning variable, outcomes derived by hand.</summary>
public class LinkedTableTests
{
    // Released before: area × year, its A and C rows hidden, B's row and the totals published.
    private static TableOutput Released(string yearDimension = "jaar") => new(
        Measure.Count,
        [new Dimension("gebied", ["A", "B", "C"], "Totaal"), new Dimension(yearDimension, ["2024", "2025"], "Totaal")],
        [
            Cell("A", "2024", 1, hidden: true), Cell("A", "2025", 2, hidden: true), Cell("A", "Totaal", 3, hidden: true),
            Cell("B", "2024", 0), Cell("B", "2025", 12), Cell("B", "Totaal", 12),
            Cell("C", "2024", 20, hidden: true), Cell("C", "2025", 20, hidden: true), Cell("C", "Totaal", 40, hidden: true),
            Cell("Totaal", "2024", 21), Cell("Totaal", "2025", 34), Cell("Totaal", "Totaal", 55),
        ]);

    private static CellInput Cell(string a, string y, decimal v, bool hidden = false) => new([a, y], v, (long)v, null) { Suppressed = hidden };

    // Now: the same persons by area alone, under another dimension name.
    private static TableOutput Now() => new(
        Measure.Count,
        [new Dimension("wijk", ["A", "B", "C"], "NL")],
        [new CellInput(["A"], 3, 3, null), new CellInput(["B"], 12, 12, null), new CellInput(["C"], 40, 40, null), new CellInput(["NL"], 55, 55, null)]);

    private static CellResult At(CheckResult result, string key) => result.Cells.Single(c => c.Key[0] == key);

    [Fact]
    public void Check_LinkedRelease_KeepsHiddenCellHiddenAndProtectsAgainstBoth()
    {
        // Alone, A=3 would be protected by B=12 (A + B = 15). But the release published B=12 and the total 55, so A
        // and B together tell nothing: A = 55 − 12 − C. C was hidden then and must stay hidden now, and it is what
        // protects A: A + C = 43, A ∈ [0, 43]. B and the total, public already, are published.
        var result = OutputChecker.Check(new CheckRequest(Policy.Default, Now(), [Released()]));

        Assert.Equal(Verdict.Protected, result.Verdict);
        Assert.Equal(CellStatus.Primary, At(result, "A").Status);
        Assert.Equal(CellStatus.Secondary, At(result, "C").Status);
        Assert.Contains("linked: not published in an earlier release", At(result, "C").Reasons);
        Assert.Equal(10, At(result, "B").Published);
        Assert.Equal(60, At(result, "NL").Published);
        Assert.Contains(result.Findings, f => f.Rule == "linked" && f.Detail == "protected as one cover table with previous[0] (4 cells shared)");
    }

    [Fact]
    public void Check_WithoutTheRelease_ProtectsWithTheCheaperPartner()
    {
        var result = OutputChecker.Check(new CheckRequest(Policy.Default, Now(), []));

        Assert.Equal(CellStatus.Secondary, At(result, "B").Status);
        Assert.Equal(CellStatus.Published, At(result, "C").Status);
    }

    [Fact]
    public void Check_ReleaseThatLeakedTheCell_BlocksWithTheProof()
    {
        // A release that published C as well has given A away (55 − 12 − 40): no pattern of the output can protect it.
        var leaky = Released();
        leaky = leaky with { Cells = [.. leaky.Cells.Select(c => c.Key[0] == "C" ? c with { Suppressed = false } : c)] };

        var result = OutputChecker.Check(new CheckRequest(Policy.Default, Now(), [leaky]));

        Assert.Equal(Verdict.Blocked, result.Verdict);
        Assert.Contains(result.Findings, f => f.Rule == "audit" && f.Detail == "even with every cell of the output suppressed, ['A'] can be narrowed to [3, 3] with the linked releases");
    }

    [Fact]
    public void Check_OtherPopulation_IsNotLinked()
    {
        var now = Now() with { Population = "persons 2025" };
        var before = Released() with { Population = "companies 2025" };

        Assert.Equal(
            "previous[0].population: 'companies 2025' differs from the output's 'persons 2025'",
            Assert.Throws<InvalidRequestException>(() => RequestParser.Parse(RequestJson(now, before))).Message);
        Assert.DoesNotContain(OutputChecker.Check(new CheckRequest(Policy.Default, now, [before])).Findings, f => f.Rule == "linked");
    }

    [Fact]
    public void Parse_SuppressedOnANewOutputsCell_IsUnknown()
    {
        var json = RequestJson(Now(), Released()).Replace("\"key\": [\"A\"], \"value\": 3", "\"key\": [\"A\"], \"suppressed\": true, \"value\": 3", StringComparison.Ordinal);

        Assert.Equal("cells[0].suppressed: unknown field", Assert.Throws<InvalidRequestException>(() => RequestParser.Parse(json)).Message);
    }

    private static string RequestJson(TableOutput now, TableOutput before)
    {
        static string Table(TableOutput t, bool previous) =>
            $$"""{ "kind": "table", "measure": "count"{{(t.Population is null ? "" : $", \"population\": \"{t.Population}\"")}}, "dimensions": [{{string.Join(", ", t.Dimensions.Select(d => $$"""{ "name": "{{d.Name}}", "categories": [{{string.Join(", ", d.Categories.Select(c => $"\"{c}\""))}}], "total": "{{d.Total}}" }"""))}}], "cells": [{{string.Join(", ", t.Cells.Select(c => $$"""{ "key": [{{string.Join(", ", c.Key.Select(k => $"\"{k}\""))}}], "value": {{c.Value}}, "units": {{c.Units}}{{(previous && c.Suppressed ? ", \"suppressed\": true" : "")}} }"""))}}] }""";
        return $$"""{ "output": {{Table(now, false)}}, "previous": [{{Table(before, true)}}] }""";
    }
}
