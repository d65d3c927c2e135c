using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// One real kernel with its worker in the real sandbox (bubblewrap, seccomp, control group; tests/run.sh installs
/// bubblewrap), with small limits so that a memory bomb is quick. Tests that break the worker leave a fresh one.
/// </summary>
public sealed class SandboxedKernelFixture : IAsyncLifetime, IDisposable
{
    public static readonly TimeSpan Cell = TimeSpan.FromSeconds(90);

    internal KernelProcess Kernel { get; } = new(sandboxed: true, "--memory-limit-mb", "1536", "--heap-limit-mb", "512");

    internal TestClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Kernel.WaitForLogAsync("listening on 127.0.0.1", Cell);
        Client = new TestClient(Kernel);
        Client.WaitForIoPub(Cell);
        await Kernel.WaitForLogAsync("worker ready: sandboxed worker: bubblewrap", Cell);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Client?.Dispose();
        Kernel.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxedKernel : ICollectionFixture<SandboxedKernelFixture>
{
    public const string Name = "sandboxed kernel";
}
