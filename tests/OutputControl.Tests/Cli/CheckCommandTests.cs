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
}
