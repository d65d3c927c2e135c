using System.Diagnostics;
using System.Text.Json;

namespace OutputControl.Tests.Cli;

/// <summary>Runs the real command line as a process on request files.</summary>
public class CheckCommandTests
{
    private static (int Exit, string Stdout, string Stderr) Run(string json)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, json);
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "output-control.dll"));
            start.ArgumentList.Add("check");
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Check_SpecExample_ExitsZeroWithResultDocument()
    {
        var (exit, stdout, stderr) = Run(OutputCheckerTests.SpecExample);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("protected", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(70, doc.RootElement.GetProperty("cells")[3].GetProperty("published").GetInt32());
        Assert.Equal(10, doc.RootElement.GetProperty("policy").GetProperty("roundingBase").GetInt32());
    }

    [Fact]
    public void Check_CellKeyOutOfRange_ExitsTwoNamingTheCell()
    {
        var json = """
            { "policy": { "cellKey": { "maxNoise": 2, "variance": 1 } },
              "output": { "kind": "table", "measure": "count",
                "dimensions": [ { "name": "g", "categories": ["A"], "total": null } ],
                "cells": [ { "key": ["A"], "value": 3, "units": 3, "cellKey": 1.5 } ] } }
            """;

        var (exit, stdout, stderr) = Run(json);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("cells[0].cellKey: must be in [0, 1), got 1.5", stderr.TrimEnd());
    }

    [Fact]
    public void Check_UnknownCategory_ExitsTwoWithOneStderrLine()
    {
        var (exit, stdout, stderr) = Run(OutputCheckerTests.SpecExample.Replace("\"key\": [\"C\"]", "\"key\": [\"Zuid\"]", StringComparison.Ordinal));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("cells[2].key: unknown category 'Zuid' for dimension 'gemeente'", stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Check_MalformedJson_ExitsTwo()
    {
        var (exit, _, stderr) = Run("{ \"output\": ");

        Assert.Equal(2, exit);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("$: malformed JSON at line 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Model_ExitsZeroWhenBlocked()
    {
        var (exit, stdout, _) = Run("""{ "output": { "kind": "model", "observations": 12, "parameters": 7 } }""");

        Assert.Equal(0, exit);
        Assert.Contains("\"residualDf\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"blocked\"", stdout, StringComparison.Ordinal);
    }

    private const string Hierarchy = """
        { "output": { "kind": "table", "measure": "count",
            "dimensions": [ { "name": "gebied", "categories": ["G1", "W1", "W2", "B1", "B2", "B3", "B4"], "total": "NL",
                              "parents": { "W1": "G1", "W2": "G1", "B1": "W1", "B2": "W1", "B3": "W2", "B4": "W2" } } ],
            "cells": [ { "key": ["G1"], "value": 72, "units": 72 }, { "key": ["W1"], "value": 7, "units": 7 },
                       { "key": ["W2"], "value": 65, "units": 65 }, { "key": ["B1"], "value": 3, "units": 3 },
                       { "key": ["B2"], "value": 4, "units": 4 }, { "key": ["B3"], "value": 25, "units": 25 },
                       { "key": ["B4"], "value": 40, "units": 40 }, { "key": ["NL"], "value": 72, "units": 72 } ] } }
        """;

    [Fact]
    public void Check_HierarchicalTable_ProtectsTheSmallWijkThroughItsSibling()
    {
        var (exit, stdout, _) = Run(Hierarchy);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var status = doc.RootElement.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("key")[0].GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("primary", status["W1"]);
        Assert.Equal("secondary", status["W2"]);
        Assert.Equal("secondary", status["B3"]);
        Assert.Equal("published", status["B4"]);
    }

    [Fact]
    public void Check_SubtotalThatDoesNotAddUp_ExitsTwoNamingIt()
    {
        var (exit, _, stderr) = Run(Hierarchy.Replace("\"value\": 7, \"units\": 7", "\"value\": 8, \"units\": 8", StringComparison.Ordinal));

        Assert.Equal(2, exit);
        // W1 says 8 while its buurten sum to 7; the first relation it breaks is G1's (72, but W1 + W2 = 73).
        Assert.Equal("cells[0].value: subtotal 'G1' of 'gebied' ['G1']=72 but its cells sum to 73", stderr.Trim());
    }
}
