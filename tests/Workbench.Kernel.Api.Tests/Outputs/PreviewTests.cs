using OutputControl;
using OutputControl.Results;
using Workbench.Api;

namespace Workbench.Kernel.Api.Tests.Outputs;

public sealed class PreviewTests
{
    // The same table as TwoMunicipalities by gemeente, written out by hand in the contract's words.
    private const string HandWritten = """
        {
          "output": {
            "kind": "table", "measure": "count",
            "dimensions": [ { "name": "gemeente", "categories": ["A", "B"], "total": "Totaal" } ],
            "cells": [
              { "key": ["A"], "value": 3, "units": 2 },
              { "key": ["B"], "value": 12, "units": 12 },
              { "key": ["Totaal"], "value": 15, "units": 14 }
            ]
          },
          "previous": []
        }
        """;

    [Fact]
    public void Preview_Table_EqualsOutputCheckerOnTheHandWrittenRequest()
    {
        var preview = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").Preview();

        Assert.Equal(ResultJson.Write(OutputChecker.Check(HandWritten)), preview.ToJson());
        Assert.Equal(Verdict.Protected, preview.Verdict);
        var a = preview.Result.Cells.Single(c => c.Key[0] == "A");
        Assert.Equal(CellStatus.Primary, a.Status);
        Assert.Equal(["minUnits: 2 units < 10"], a.Reasons);
    }

    [Fact]
    public void ToHtml_SuppressedCells_ShownAsXWithReasons()
    {
        var preview = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").Preview();

        var html = preview.ToHtml();

        Assert.Contains("<strong style=\"color:#9a6700\">protected</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>A</td><td>3</td><td>2</td><td>primary</td><td><span title=\"suppressed\">x</span></td><td>minUnits: 2 units &lt; 10</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>secondary</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Preview_SumWithDominantUnit_PrimaryByDominance()
    {
        var frame = Frames.Records([.. Enumerable.Range(1, 12).Select(p => ("A", "M", (long)p, p == 1 ? 1_000_000L : 10L)),
            .. Enumerable.Range(20, 12).Select(p => ("B", "M", (long)p, 100L))]);

        var preview = Output.Table(frame).By("gemeente").Sum("income", "person_id").Preview();

        var a = preview.Result.Cells.Single(c => c.Key[0] == "A");
        Assert.Equal(CellStatus.Primary, a.Status);
        Assert.Contains(a.Reasons, r => r.StartsWith("dominance", StringComparison.Ordinal));
        Assert.Equal(ResultJson.Write(OutputChecker.Check(Output.Table(frame).By("gemeente").Sum("income", "person_id").Build().Json)), preview.ToJson());
    }
}
