using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Workbench.Kernel.Front.Sandbox;
using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// Kernels are kept apart on the host too, not only by their mount namespaces: each worker has a uid of its own, its
/// work area and its private directory (where the project's view is linked in) are its uid's alone; the kernel's
/// temporary files (the view copies) go with the kernel.
/// </summary>
public sealed partial class IsolationTests
{
    private static async Task<(KernelProcess Kernel, TestClient Client)> StartAsync()
    {
        var kernel = new KernelProcess(sandboxed: true);
        await kernel.WaitForLogAsync("listening on 127.0.0.1", SandboxedKernelFixture.Cell);
        var client = new TestClient(kernel);
        client.WaitForIoPub(SandboxedKernelFixture.Cell);
        await kernel.WaitForLogAsync("worker ready: sandboxed worker: bubblewrap", SandboxedKernelFixture.Cell);
        return (kernel, client);
    }

    private static int Uid(TestClient client) =>
        int.Parse(UidLine().Match(client.Execute("System.IO.File.ReadAllLines(\"/proc/self/status\").First(l => l.StartsWith(\"Uid:\"))", SandboxedKernelFixture.Cell).Result!).Groups[1].Value, CultureInfo.InvariantCulture);

    private static string KernelFilesOf(KernelProcess kernel) => FilesLine().Match(kernel.Log).Groups[1].Value;

    /// <summary>Runs a command on the host as <paramref name="uid"/> (no groups): its exit code and error output.</summary>
    private static (int Exit, string Error) RunAs(int uid, params string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--" }.Concat(command)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    [Fact]
    public async Task TwoKernels_EachItsOwnUid_NeitherCanReadTheOthersWorkAreaOrViewDirectory()
    {
        var (a, clientA) = await StartAsync();
        var (b, clientB) = await StartAsync();
        using (a)
        using (b)
        using (clientA)
        using (clientB)
        {
            var uidA = Uid(clientA);
            var uidB = Uid(clientB);
            var secret = Path.Combine(a.WorkDirectory, "secret.txt");
            Assert.Equal("ok", clientA.Execute($"System.IO.File.WriteAllText(\"{secret}\", \"A's\");", SandboxedKernelFixture.Cell).Status);
            var viewDirectory = Path.Combine(Directory.EnumerateDirectories(KernelFilesOf(a), "worker-*").Single(), "project");

            Assert.NotEqual(uidA, uidB);
            Assert.InRange(uidA, SandboxUids.First, SandboxUids.First + SandboxUids.Count - 1);
            Assert.InRange(uidB, SandboxUids.First, SandboxUids.First + SandboxUids.Count - 1);
            // A's own uid can (the controls), B's cannot.
            Assert.Equal(0, RunAs(uidA, "/bin/cat", secret).Exit);
            Assert.Equal(0, RunAs(uidA, "/bin/ls", viewDirectory).Exit);
            var readSecret = RunAs(uidB, "/bin/cat", secret);
            var listWork = RunAs(uidB, "/bin/ls", a.WorkDirectory);
            var listView = RunAs(uidB, "/bin/ls", viewDirectory);
            Assert.NotEqual(0, readSecret.Exit);
            Assert.Contains("Permission denied", readSecret.Error, StringComparison.Ordinal);
            Assert.Contains("Permission denied", listWork.Error, StringComparison.Ordinal);
            Assert.Contains("Permission denied", listView.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KernelFiles_NormalShutdown_Removed()
    {
        var (kernel, client) = await StartAsync();
        using (kernel)
        using (client)
        {
            var files = KernelFilesOf(kernel);
            Assert.True(Directory.Exists(files), kernel.Log);

            client.SendControl(client.Frames(MessageTypes.ShutdownRequest, new { restart = false }));
            Assert.Equal(MessageTypes.ShutdownReply, client.ReceiveControl(SandboxedKernelFixture.Cell)?.Type);
            using var deadline = new CancellationTokenSource(SandboxedKernelFixture.Cell);
            await kernel.WaitForExitAsync(deadline.Token);

            Assert.False(Directory.Exists(files), $"{files} is still there\n{kernel.Log}");
        }
    }

    [Fact]
    public async Task KernelFiles_FrontKilled_RemovedByTheNextKernelsStart()
    {
        var (killed, client) = await StartAsync();
        var files = KernelFilesOf(killed);
        var view = Path.Combine(Directory.EnumerateDirectories(files, "worker-*").Single(), "project", "view.duckdb");
        File.WriteAllText(view, "a view copy");
        client.Dispose();
        killed.Dispose();
        Assert.True(File.Exists(view), "the killed front's files should still be there (nothing ran at its end)");

        var (next, nextClient) = await StartAsync();
        using (next)
        using (nextClient)
        {
            Assert.False(Directory.Exists(files), $"{files} is still there\n{next.Log}");
            Assert.Contains($"removed {files}: left by a kernel that is gone", next.Log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RemoveGone_LiveLockedAndUnleasedDirectories_Kept()
    {
        var temp = Directory.CreateTempSubdirectory("workbench-sweep-").FullName;
        try
        {
            string Make(string name, bool lease)
            {
                var path = Directory.CreateDirectory(Path.Combine(temp, KernelFiles.Prefix + name)).FullName;
                if (lease) File.WriteAllText(Path.Combine(path, "lease"), "");
                return path;
            }
            var gone = Make("gone", lease: true);
            var live = Make("live", lease: true);
            var starting = Make("starting", lease: false);
            using var held = File.OpenHandle(Path.Combine(live, "lease"), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            Assert.True(Posix.TryLock(held, exclusive: true));

            var removed = KernelFiles.RemoveGone(temp);

            Assert.Equal([gone], removed);
            Assert.False(Directory.Exists(gone));
            Assert.True(Directory.Exists(live));
            Assert.True(Directory.Exists(starting));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [GeneratedRegex(@"^Uid:\s+(\d+)\s")]
    private static partial Regex UidLine();

    [GeneratedRegex(@"kernel files in (\S+) \(removed at shutdown\)")]
    private static partial Regex FilesLine();
}
