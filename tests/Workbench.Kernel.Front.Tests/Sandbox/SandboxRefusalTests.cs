using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>When the sandbox cannot be made, the kernel answers but runs no code, and says why.</summary>
public sealed class SandboxRefusalTests : IDisposable
{
    private readonly string hidden = Directory.CreateTempSubdirectory("workbench-unreachable-").FullName;

    public void Dispose() => Directory.Delete(hidden, recursive: true);

    [Fact]
    public async Task Execute_WorkDirectoryTheSandboxCannotReach_RefusedWithTheReasonAndBannerSaysSo()
    {
        // 0700 and owned by root: the sandbox's uid cannot pass through to mount the work directory below it.
        using var kernel = new KernelProcess(sandboxed: true, "--work-dir", Path.Combine(hidden, "work"));
        await kernel.WaitForLogAsync("listening on 127.0.0.1", SandboxedKernelFixture.Cell);
        using var client = new TestClient(kernel);
        client.WaitForIoPub(SandboxedKernelFixture.Cell);

        var run = client.Execute("System.IO.File.WriteAllText(\"/tmp/x\", \"ran\")", SandboxedKernelFixture.Cell);
        client.SendShell(client.Frames(MessageTypes.KernelInfoRequest));
        var info = client.ReceiveShell(SandboxedKernelFixture.Cell);

        Assert.Equal("SubmissionRefused", run.ErrorName);
        Assert.Contains("the sandbox cannot be created", run.ErrorValue, StringComparison.Ordinal);
        Assert.Contains("Permission denied", run.ErrorValue, StringComparison.Ordinal);
        Assert.Contains("NOT RUNNING CODE", info!.Value.Content.GetProperty("banner").GetString(), StringComparison.Ordinal);
    }
}
