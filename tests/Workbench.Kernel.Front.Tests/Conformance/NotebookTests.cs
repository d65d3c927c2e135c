using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Conformance;

/// <summary>A notebook executed headless through nbclient on the sandboxed kernel keeps every cell's output.</summary>
public sealed class NotebookTests
{
    // nbformat stores multi-line text as a list of lines or as one string.
    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();

    [Fact]
    public async Task Nbclient_NotebookOnSandboxedKernel_EveryCellHasItsOutput()
    {
        var dir = Directory.CreateTempSubdirectory("workbench-notebook-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        try
        {
            var spec = Path.Combine(dir, "kernels", "workbench-csharp");
            Directory.CreateDirectory(spec);
            await File.WriteAllTextAsync(Path.Combine(spec, "kernel.json"), JsonSerializer.Serialize(new
            {
                argv = new[] { KernelFront.DotnetHost, KernelFront.Dll, "--connection-file", "{connection_file}", "--work-dir", Path.Combine(dir, "work") },
                display_name = "C# (Workbench)",
                language = "C#",
                interrupt_mode = "message",
            }));
            string[] cells = ["var counts = new[] { 3, 5, 8 };", "Console.WriteLine(counts.Sum());", "counts.Max()", "display(HTML(\"<b>done</b>\"));"];
            var notebook = new JsonObject
            {
                ["nbformat"] = 4,
                ["nbformat_minor"] = 5,
                ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "workbench-csharp", ["display_name"] = "C# (Workbench)", ["language"] = "C#" } },
                ["cells"] = new JsonArray(cells.Select((source, i) => (JsonNode)new JsonObject
                {
                    ["id"] = $"cell-{i}", ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = source,
                    ["outputs"] = new JsonArray(), ["execution_count"] = null,
                }).ToArray()),
            };
            var input = Path.Combine(dir, "in.ipynb");
            var output = Path.Combine(dir, "out.ipynb");
            await File.WriteAllTextAsync(input, notebook.ToJsonString());

            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Conformance", "run_notebook.py"), input, output }) start.ArgumentList.Add(arg);
            start.Environment["JUPYTER_PATH"] = dir;
            using var python = Process.Start(start)!;
            var stderr = python.StandardError.ReadToEndAsync();
            await python.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await python.WaitForExitAsync(timeout.Token);

            Assert.True(python.ExitCode == 0, await stderr);
            var executed = JsonNode.Parse(await File.ReadAllTextAsync(output))!["cells"]!.AsArray();
            Assert.Empty(executed[0]!["outputs"]!.AsArray());
            var stream = executed[1]!["outputs"]![0]!;
            Assert.Equal("stream", stream["output_type"]!.GetValue<string>());
            Assert.Equal("16\n", Text(stream["text"]!));
            var result = executed[2]!["outputs"]![0]!;
            Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
            Assert.Equal("8", Text(result["data"]!["text/plain"]!));
            Assert.Equal(3, executed[2]!["execution_count"]!.GetValue<int>());
            var display = executed[3]!["outputs"]![0]!;
            Assert.Equal("display_data", display["output_type"]!.GetValue<string>());
            Assert.Equal("<b>done</b>", Text(display["data"]!["text/html"]!));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
