using System.Diagnostics;
using System.Globalization;
using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// The worker's control group carries the CPU limit of <c>--cpu-limit</c> (read back from the host, where the group
/// is), the kernel enforces it on a busy cell (the group is throttled), and that cell can still be interrupted.
/// </summary>
public sealed class CpuLimitTests
{
    [Fact]
    public async Task CpuLimit_BusyLoop_QuotaAppliedThrottledAndInterrupted()
    {
        using var kernel = new KernelProcess(sandboxed: true, "--cpu-limit", "0.5");
        await kernel.WaitForLogAsync("listening on 127.0.0.1", SandboxedKernelFixture.Cell);
        using var client = new TestClient(kernel);
        client.WaitForIoPub(SandboxedKernelFixture.Cell);
        await kernel.WaitForLogAsync("worker ready: sandboxed worker: bubblewrap", SandboxedKernelFixture.Cell);
        Assert.Contains("CPU 0.5 cores", kernel.Log, StringComparison.Ordinal);

        var worker = ProcessTree.Worker(kernel.Pid) ?? throw new InvalidOperationException("no worker process below the front");
        var group = ProcessTree.ControlGroupDirectory(worker, "cpu");
        var (quota, period) = Quota(group);
        Assert.Equal(50_000, quota);
        Assert.Equal(100_000, period);

        var clock = Stopwatch.StartNew();
        // Four spinning threads besides the cell's own loop: on a machine busy with other work the group still runs
        // out of its half core within a period and is throttled.
        // The cell says when its loop runs; only then is the throttling the loop's, and the interrupt the loop's.
        const string busy = "for (var t = 0; t < 4; t++) new System.Threading.Thread(() => { while (true) { } }) { IsBackground = true }.Start(); "
            + "Console.WriteLine(\"spinning\"); long spins = 0; while (true) { spins++; }";
        var interrupted = false;
        TestClient.CellRun run;
        try
        {
            run = client.Execute(busy, SandboxedKernelFixture.Cell, onOutput: output =>
            {
                if (interrupted || output.Type != MessageTypes.Stream || !output.Content.GetProperty("text").GetString()!.Contains("spinning", StringComparison.Ordinal)) return;
                interrupted = true;
                var waited = Stopwatch.StartNew();
                while (Throttled(group) == 0 && waited.Elapsed < TimeSpan.FromSeconds(15)) Thread.Sleep(200);
                Assert.True(Throttled(group) > 0, $"the busy worker was never throttled: {File.ReadAllText(Path.Combine(group, "cpu.stat"))}");
                client.SendControl(client.Frames(MessageTypes.InterruptRequest));
                Assert.Equal(MessageTypes.InterruptReply, client.ReceiveControl(TimeSpan.FromSeconds(10))?.Type);
            });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{kernel.Log}", e);
        }

        Assert.True(interrupted, "the loop never said it runs");
        Assert.True(run.ErrorName == "KernelInterrupted", $"{run.ErrorName}: {run.ErrorValue}\n{kernel.Log}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the interrupt took {clock.Elapsed}");
        Assert.Equal("2", client.Execute("1 + 1", SandboxedKernelFixture.Cell).Result);
    }

    [Fact]
    public void CpuLimit_NotANumber_RefusedAtStart()
    {
        using var kernel = new KernelProcess(sandboxed: true, "--cpu-limit", "lots");
        Assert.True(WaitForExit(kernel, TimeSpan.FromSeconds(30)), "the kernel did not exit");
        Assert.Equal(2, kernel.ExitCode);
        Assert.Contains("--cpu-limit must be a number of cores from 0.01 to 1024 (such as 1.5), not 'lots'", kernel.Log, StringComparison.Ordinal);
    }

    private static bool WaitForExit(KernelProcess kernel, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try { kernel.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult(); return true; }
        catch (OperationCanceledException) { return false; }
    }

    private static (long Quota, long Period) Quota(string group)
    {
        var v2 = Path.Combine(group, "cpu.max");
        if (File.Exists(v2))
        {
            var parts = File.ReadAllText(v2).Split(' ', StringSplitOptions.TrimEntries);
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        return (long.Parse(File.ReadAllText(Path.Combine(group, "cpu.cfs_quota_us")), CultureInfo.InvariantCulture),
                long.Parse(File.ReadAllText(Path.Combine(group, "cpu.cfs_period_us")), CultureInfo.InvariantCulture));
    }

    // nr_throttled of cpu.stat: the periods in which the group used up its quota and had to wait.
    private static long Throttled(string group) =>
        File.ReadAllLines(Path.Combine(group, "cpu.stat")).Select(l => l.Split(' ')).Where(p => p[0] == "nr_throttled").Select(p => long.Parse(p[1], CultureInfo.InvariantCulture)).Single();
}
