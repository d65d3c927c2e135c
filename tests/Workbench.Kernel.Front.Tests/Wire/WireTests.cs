using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Wire;

/// <summary>One real front process (development mode: no cell runs here) and a client for the wire tests.</summary>
public sealed class WireKernelFixture : IAsyncLifetime, IDisposable
{
    public static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);

    internal KernelProcess Kernel { get; } = new();

    internal TestClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Kernel.WaitForLogAsync("listening on 127.0.0.1", Answer);
        Client = new TestClient(Kernel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Client?.Dispose();
        Kernel.Dispose();
    }
}

/// <summary>
/// The real front process on real sockets: a message that is unsigned, tampered with or replayed gets no answer and
/// is logged, and the kernel goes on answering signed messages.
/// </summary>
public sealed class WireTests(WireKernelFixture fixture) : IClassFixture<WireKernelFixture>
{
    private static readonly TimeSpan Answer = WireKernelFixture.Answer;
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(1.5);
    private readonly KernelProcess kernel = fixture.Kernel;
    private readonly TestClient client = fixture.Client;

    private void AssertStillAnswers()
    {
        client.SendShell(client.Frames(MessageTypes.KernelInfoRequest));
        Assert.Equal(MessageTypes.KernelInfoReply, client.ReceiveShell(Answer)?.Type);
    }

    [Fact]
    public void KernelInfo_Signed_IsAnsweredAndSigned()
    {
        client.SendShell(client.Frames(MessageTypes.KernelInfoRequest));

        var reply = client.ReceiveShell(Answer);

        Assert.Equal(MessageTypes.KernelInfoReply, reply?.Type);
        Assert.Equal("workbench-csharp", reply!.Value.Content.GetProperty("implementation").GetString());
    }

    [Fact]
    public async Task Execute_Unsigned_IsDroppedAndLogged()
    {
        client.SendShell(client.Frames(MessageTypes.ExecuteRequest, new { code = "System.IO.File.WriteAllText(\"/tmp/pwned\", \"x\")" }, signature: ""));

        Assert.Null(client.ReceiveShell(Silence));
        await kernel.WaitForLogAsync("dropped a message on Shell: unsigned", Answer);
        AssertStillAnswers();
    }

    [Fact]
    public async Task Execute_TamperedContent_IsDroppedAndLogged()
    {
        var frames = client.Frames(MessageTypes.ExecuteRequest, new { code = "1 + 1" });
        frames[^1] = "{\"code\":\"Environment.Exit(1)\"}"u8.ToArray();

        client.SendShell(frames);

        Assert.Null(client.ReceiveShell(Silence));
        await kernel.WaitForLogAsync("dropped a message on Shell: bad signature", Answer);
        AssertStillAnswers();
    }

    [Fact]
    public async Task Shutdown_SignedWithAnotherKey_IsDroppedOnControl()
    {
        var forged = client.Frames(MessageTypes.ShutdownRequest, new { restart = false }, signature: new string('0', 64));

        client.SendControl(forged);

        Assert.Null(client.ReceiveControl(Silence));
        await kernel.WaitForLogAsync("dropped a message on Control: bad signature", Answer);
        Assert.False(kernel.HasExited);
    }

    [Fact]
    public async Task KernelInfo_Replayed_SecondCopyIsDroppedAndLogged()
    {
        var frames = client.Frames(MessageTypes.KernelInfoRequest);
        client.SendShell(frames);
        Assert.Equal(MessageTypes.KernelInfoReply, client.ReceiveShell(Answer)?.Type);

        client.SendShell(frames);

        Assert.Null(client.ReceiveShell(Silence));
        await kernel.WaitForLogAsync("dropped a message on Shell: replayed signature", Answer);
        AssertStillAnswers();
    }

    [Fact]
    public void Heartbeat_Ping_IsEchoed()
    {
        Assert.Equal("ping-1"u8.ToArray(), client.Ping("ping-1"u8.ToArray(), Answer));
    }
}

/// <summary>A signed shutdown_request on control is answered and ends the process with exit code 0.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_SignedOnControl_RepliesAndExitsZero()
    {
        using var kernel = new KernelProcess();
        await kernel.WaitForLogAsync("listening on 127.0.0.1", WireKernelFixture.Answer);
        using var client = new TestClient(kernel);

        client.SendControl(client.Frames(MessageTypes.ShutdownRequest, new { restart = false }));

        Assert.Equal(MessageTypes.ShutdownReply, client.ReceiveControl(WireKernelFixture.Answer)?.Type);
        using var exit = new CancellationTokenSource(WireKernelFixture.Answer);
        await kernel.WaitForExitAsync(exit.Token);
        Assert.Equal(0, kernel.ExitCode);
    }
}
