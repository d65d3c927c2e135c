using System.Diagnostics;
using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>An interrupt stops a cell that never yields; meanwhile and afterwards the kernel answers.</summary>
[Collection(SandboxedKernel.Name)]
public sealed class InterruptTests(SandboxedKernelFixture fixture)
{
    [Fact]
    public void Interrupt_BusyLoop_CellEndsInterruptedAndTheKernelGoesOn()
    {
        var client = fixture.Client;
        var clock = Stopwatch.StartNew();
        string? controlAnswer = null;
        var logBefore = fixture.Kernel.Log.Split('\n').Length;

        var run = client.Execute("long spins = 0; while (true) { spins++; }", SandboxedKernelFixture.Cell, whileRunning: () =>
        {
            Thread.Sleep(1500);
            client.SendControl(client.Frames(MessageTypes.KernelInfoRequest));
            controlAnswer = client.ReceiveControl(TimeSpan.FromSeconds(10))?.Type;
            client.SendControl(client.Frames(MessageTypes.InterruptRequest));
            Assert.Equal(MessageTypes.InterruptReply, client.ReceiveControl(TimeSpan.FromSeconds(10))?.Type);
        });

        Assert.Equal(MessageTypes.KernelInfoReply, controlAnswer);
        Assert.Equal("error", run.Status);
        Assert.Equal("KernelInterrupted", run.ErrorName);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the interrupt took {clock.Elapsed}");
        var next = client.Execute("1 + 1", SandboxedKernelFixture.Cell);
        Assert.Equal("2", next.Result);
        // The replacement was started at the interrupt, before the stuck worker was given up, not after.
        var since = fixture.Kernel.Log.Split('\n').Skip(logBefore).ToList();
        var spareStarted = since.FindIndex(l => l.Contains("info: worker process ", StringComparison.Ordinal));
        var replacing = since.FindIndex(l => l.Contains("replacing", StringComparison.Ordinal));
        Assert.True(spareStarted >= 0 && replacing > spareStarted, string.Join('\n', since));
    }

    [Fact]
    public void Interrupt_CooperativeWait_StopsWithoutReplacingTheWorker()
    {
        var client = fixture.Client;
        client.Execute("var survivor = 17;", SandboxedKernelFixture.Cell);

        var run = client.Execute("await Task.Delay(60_000, Interrupted);", SandboxedKernelFixture.Cell, whileRunning: () =>
        {
            Thread.Sleep(1000);
            client.SendControl(client.Frames(MessageTypes.InterruptRequest));
            client.ReceiveControl(TimeSpan.FromSeconds(10));
        });

        Assert.Equal("KernelInterrupted", run.ErrorName);
        Assert.Equal("17", client.Execute("survivor", SandboxedKernelFixture.Cell).Result);
    }
}
