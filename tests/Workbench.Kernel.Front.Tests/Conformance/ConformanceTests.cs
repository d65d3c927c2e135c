using System.Diagnostics;
using System.Text.Json;
using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Conformance;

/// <summary>
/// The official conformance suite, jupyter_kernel_test (Debian's python3-jupyter-kernel-test, installed by
/// tests/run.sh), through jupyter_client against the real kernel with its worker in the real sandbox. Every test it has must pass, except the two whose
/// features C# does not have here: a pager payload and clear_output.
/// </summary>
public sealed class ConformanceTests
{
    [Fact]
    public async Task JupyterKernelTest_WorkbenchKernel_PassesEveryApplicableTest()
    {
        var jupyterPath = Directory.CreateTempSubdirectory("workbench-kernelspec-").FullName;
        // The sandbox's uid must be able to pass through to the work directory it mounts.
        File.SetUnixFileMode(jupyterPath, (UnixFileMode)0b111_101_101);
        try
        {
            var spec = Path.Combine(jupyterPath, "kernels", "workbench-csharp");
            Directory.CreateDirectory(spec);
            await File.WriteAllTextAsync(Path.Combine(spec, "kernel.json"), JsonSerializer.Serialize(new
            {
                argv = new[] { KernelFront.DotnetHost, KernelFront.Dll, "--connection-file", "{connection_file}", "--work-dir", Path.Combine(jupyterPath, "work") },
                display_name = "C# (Workbench)",
                language = "C#",
                interrupt_mode = "message",
            }));
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Conformance", "test_workbench_csharp.py"));
            start.ArgumentList.Add("-v");
            start.Environment["JUPYTER_PATH"] = jupyterPath;
            using var python = Process.Start(start)!;
            var stdout = python.StandardOutput.ReadToEndAsync();
            var stderr = python.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await python.WaitForExitAsync(timeout.Token);
            var report = await stderr + await stdout;

            Assert.True(python.ExitCode == 0, report);
            Assert.Contains("Ran 12 tests", report, StringComparison.Ordinal);
            Assert.Contains("OK (skipped=2)", report, StringComparison.Ordinal);
            Assert.Contains("test_pager", report.Split('\n').Single(l => l.Contains("skipped", StringComparison.Ordinal) && l.Contains("test_pager", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains(report.Split('\n'), l => l.StartsWith("test_clear_output", StringComparison.Ordinal) && l.Contains("skipped", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(jupyterPath, recursive: true);
        }
    }
}
