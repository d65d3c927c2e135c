using System.Diagnostics;
using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// A kernel whose Jupyter client is SIGKILLed does not linger: a real process tree (a shell standing in for the client,
/// the front as its child, the sandboxed worker below) loses the shell, and the front and its worker end.
/// </summary>
public sealed class ParentWatchTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ParentKilled_FrontAndWorkerEnd(bool jupyterParentPid)
    {
        var directory = Directory.CreateTempSubdirectory("workbench-parent-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        try
        {
            var connection = KernelProcess.WriteConnectionFile(directory);
            var log = Path.Combine(directory, "front.log");
            // The shell starts the front in the background, says its pid and waits: it is the front's parent, as
            // jupyter_client is. JPY_PARENT_PID, when set, names the shell the way jupyter_client names itself.
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "-c", "[ -n \"$SET_JPY\" ] && export JPY_PARENT_PID=$$; \"$@\" 2>\"$LOG\" & echo $!; wait", "sh",
                         KernelFront.DotnetHost, KernelFront.Dll, "--connection-file", connection, "--work-dir", Path.Combine(directory, "work") })
                start.ArgumentList.Add(arg);
            start.Environment["LOG"] = log;
            if (jupyterParentPid) start.Environment["SET_JPY"] = "1";
            using var shell = Process.Start(start)!;
            var front = int.Parse(await shell.StandardOutput.ReadLineAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
            int? worker = null;
            var clock = Stopwatch.StartNew();
            while (worker is null || !Read(log).Contains("worker ready", StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < SandboxedKernelFixture.Cell, $"the worker did not start: {Read(log)}");
                await Task.Delay(100);
                worker = ProcessTree.Worker(front);
            }

            shell.Kill(entireProcessTree: false); // SIGKILL, the shell only
            await shell.WaitForExitAsync();
            clock.Restart();
            while (ProcessTree.IsAlive(front) || ProcessTree.IsAlive(worker.Value))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"front alive {ProcessTree.IsAlive(front)}, worker alive {ProcessTree.IsAlive(worker.Value)} 15 s after the parent died: {Read(log)}");
                await Task.Delay(100);
            }
            Assert.Contains("is gone: shutting down the kernel and its worker", Read(log), StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }

    // The shell creates the log when it starts the front, a moment after it says the front's pid.
    private static string Read(string log) => File.Exists(log) ? File.ReadAllText(log) : "";
}
