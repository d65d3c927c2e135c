using System.Text;
using System.Text.Json;
using NetMQ;
using NetMQ.Sockets;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Infrastructure;

/// <summary>A minimal Jupyter client on NetMQ: signs what it sends with the connection key and reads the kernel's replies.</summary>
internal sealed class TestClient : IDisposable
{
    private readonly MessageSigner signer;
    private readonly DealerSocket shell = new();
    private readonly DealerSocket control = new();
    private readonly RequestSocket heartbeat = new();

    public TestClient(KernelProcess kernel)
    {
        signer = new MessageSigner(Encoding.UTF8.GetBytes(kernel.Key));
        shell.Options.Identity = "test-client"u8.ToArray();
        shell.Connect($"tcp://127.0.0.1:{kernel.ShellPort}");
        control.Connect($"tcp://127.0.0.1:{kernel.ControlPort}");
        heartbeat.Connect($"tcp://127.0.0.1:{kernel.HeartbeatPort}");
    }

    /// <summary>The frames of a request, signed (or not, when <paramref name="signature"/> is given).</summary>
    public List<byte[]> Frames(string type, object? content = null, string? signature = null)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(Requests.Header(type), WireJson.Options);
        byte[] parent = "{}"u8.ToArray(), metadata = "{}"u8.ToArray();
        var body = JsonSerializer.SerializeToUtf8Bytes(content ?? new { });
        var sign = signature ?? signer.SignHex(header, parent, metadata, body);
        return ["<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(sign), header, parent, metadata, body];
    }

    public void SendShell(List<byte[]> frames) => shell.SendMultipartBytes(frames);

    public void SendControl(List<byte[]> frames) => control.SendMultipartBytes(frames);

    /// <summary>The next reply on shell as (msg_type, content), or null when none comes in time.</summary>
    public (string Type, JsonElement Content)? ReceiveShell(TimeSpan timeout) => Receive(shell, timeout);

    public (string Type, JsonElement Content)? ReceiveControl(TimeSpan timeout) => Receive(control, timeout);

    public byte[]? Ping(byte[] payload, TimeSpan timeout)
    {
        heartbeat.SendFrame(payload);
        return heartbeat.TryReceiveFrameBytes(timeout, out var echo) ? echo : null;
    }

    private (string Type, JsonElement Content)? Receive(NetMQSocket socket, TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(timeout, ref frames!)) return null;
        var at = frames.FindIndex(f => f.AsSpan().SequenceEqual("<IDS|MSG>"u8));
        if (!signer.Verify(frames[at + 1], frames[at + 2], frames[at + 3], frames[at + 4], frames[at + 5]))
            throw new InvalidOperationException("the kernel's reply is not signed with the connection key");
        using var header = JsonDocument.Parse(frames[at + 2]);
        using var content = JsonDocument.Parse(frames[at + 5]);
        return (header.RootElement.GetProperty("msg_type").GetString()!, content.RootElement.Clone());
    }

    public void Dispose()
    {
        shell.Dispose();
        control.Dispose();
        heartbeat.Dispose();
    }
}
