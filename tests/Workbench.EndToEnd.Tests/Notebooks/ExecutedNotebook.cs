using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.EndToEnd.Tests.Notebooks;

/// <summary>
/// A notebook executed headless by nbclient (Debian's /usr/bin/python3) on the sandboxed kernel, bound to a project
/// through the kernelspec's command line (<c>--server</c>, <c>--project</c>, <c>--token-file</c>: the workbench's
/// token-file path, no interactive sign-in). Keeps the executed cells for assertions.
/// </summary>
internal sealed partial class ExecutedNotebook
{
    private ExecutedNotebook(JsonArray cells, TimeSpan elapsed)
    {
        Cells = cells;
        Elapsed = elapsed;
    }

    public JsonArray Cells { get; }

    public TimeSpan Elapsed { get; }

    [GeneratedRegex(@"^finding: (\w+) = (\S+)", RegexOptions.Multiline)]
    private static partial Regex Finding();

    public static async Task<ExecutedNotebook> RunAsync(string notebook, string directory, Uri server, string project, string tokenFile)
    {
        var spec = Path.Combine(directory, "kernels", "workbench-csharp");
        Directory.CreateDirectory(spec);
        await File.WriteAllTextAsync(Path.Combine(spec, "kernel.json"), JsonSerializer.Serialize(new
        {
            argv = new[]
            {
                KernelFront.DotnetHost, KernelFront.Dll, "--connection-file", "{connection_file}", "--work-dir", Path.Combine(directory, "work"),
                "--server", server.ToString(), "--project", project, "--token-file", tokenFile,
            },
            display_name = "C# (Workbench)",
            language = "C#",
            interrupt_mode = "message",
        }));
        var output = Path.Combine(directory, "executed-" + Path.GetFileName(notebook));
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Notebooks", "run_notebook.py"), notebook, output }) start.ArgumentList.Add(arg);
        start.Environment["JUPYTER_PATH"] = directory;
        var watch = Stopwatch.StartNew();
        using var python = Process.Start(start)!;
        var stderr = python.StandardError.ReadToEndAsync();
        await python.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await python.WaitForExitAsync(timeout.Token);
        Assert.True(python.ExitCode == 0, $"nbclient failed on {notebook}: {await stderr}");
        return new ExecutedNotebook(JsonNode.Parse(await File.ReadAllTextAsync(output))!["cells"]!.AsArray(), watch.Elapsed);
    }

    private IEnumerable<JsonNode> Outputs => Cells
        .Where(c => c!["cell_type"]!.GetValue<string>() == "code")
        .SelectMany(c => c!["outputs"]!.AsArray())
        .Select(o => o!);

    /// <summary>Every error output, as "ename: evalue", with the start of the cell it came from.</summary>
    public IReadOnlyList<string> Errors => [.. Cells
        .Where(c => c!["cell_type"]!.GetValue<string>() == "code")
        .SelectMany(c => c!["outputs"]!.AsArray().Where(o => o!["output_type"]!.GetValue<string>() == "error")
            .Select(o => $"{o!["ename"]}: {o["evalue"]} (in cell starting '{Text(c["source"]!).Split('\n')[0]}')"))];

    /// <summary>Code cells that produced no output at all, or were never executed.</summary>
    public int UnexecutedCells => Cells.Count(c => c!["cell_type"]!.GetValue<string>() == "code" && c["execution_count"] is null);

    /// <summary>Charts the cells showed (ScottPlot plots rendered by the kernel as PNG).</summary>
    public int Charts => Outputs.Count(o => o["data"] is JsonObject data && data.ContainsKey("image/png"));

    /// <summary>Everything the cells wrote to stdout.</summary>
    public string Stdout => string.Concat(Outputs.Where(o => o["output_type"]!.GetValue<string>() == "stream" && o["name"]!.GetValue<string>() == "stdout")
        .Select(o => Text(o["text"]!)));

    /// <summary>The <c>finding: name = value</c> lines the notebook printed, by name.</summary>
    public IReadOnlyDictionary<string, double> Findings => Finding().Matches(Stdout)
        .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The ids the notebook's submission cell printed (<c>submitted: ID STATUS VERDICT</c>).</summary>
    public IReadOnlyList<string> SubmittedIds => [.. Regex.Matches(Stdout, @"^submitted: (\S+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value)];

    public double Finding(string name) =>
        Findings.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"the notebook printed no finding '{name}'; stdout:\n{Stdout}");

    // nbformat stores multi-line text as a list of lines or as one string.
    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();
}
