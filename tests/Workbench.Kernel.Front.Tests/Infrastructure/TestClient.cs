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
    private readonly SubscriberSocket iopub = new();

    public TestClient(KernelProcess kernel)
    {
        signer = new MessageSigner(Encoding.UTF8.GetBytes(kernel.Key));
        shell.Options.Identity = "test-client"u8.ToArray();
        shell.Connect($"tcp://127.0.0.1:{kernel.ShellPort}");
        control.Connect($"tcp://127.0.0.1:{kernel.ControlPort}");
        heartbeat.Connect($"tcp://127.0.0.1:{kernel.HeartbeatPort}");
        iopub.SubscribeToAnyTopic();
        iopub.Connect($"tcp://127.0.0.1:{kernel.IoPubPort}");
    }

    /// <summary>
    /// A cell's outcome: the execute_reply content and the iopub messages the kernel published for it, up to its idle.
    /// </summary>
    public sealed record CellRun(JsonElement Reply, IReadOnlyList<(string Type, JsonElement Content)> Outputs)
    {
        public string Status => Reply.GetProperty("status").GetString()!;

        public string? ErrorName => Reply.TryGetProperty("ename", out var e) ? e.GetString() : null;

        public string ErrorValue => Reply.TryGetProperty("evalue", out var e) ? e.GetString()! : "";

        public string? Result => Outputs.Where(o => o.Type == MessageTypes.ExecuteResult).Select(o => o.Content.GetProperty("data").GetProperty("text/plain").GetString()).FirstOrDefault();

        public string Stdout => string.Concat(Outputs.Where(o => o.Type == MessageTypes.Stream && o.Content.GetProperty("name").GetString() == "stdout").Select(o => o.Content.GetProperty("text").GetString()));
    }

    /// <summary>Waits until iopub delivers (a subscriber misses what was published before it joined).</summary>
    public void WaitForIoPub(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            SendShell(Frames(MessageTypes.KernelInfoRequest));
            ReceiveShell(timeout);
            if (ReceiveIoPub(TimeSpan.FromMilliseconds(500)) is not null)
            {
                while (ReceiveIoPub(TimeSpan.FromMilliseconds(200)) is not null) { }
                return;
            }
        }
        throw new TimeoutException("iopub delivered nothing");
    }

    /// <summary>Runs a cell; <c>onOutput</c> sees each output as it arrives, while the cell still runs (a sign-in prompt to act on).</summary>
    public CellRun Execute(string code, TimeSpan timeout, Action? whileRunning = null, Action<(string Type, JsonElement Content)>? onOutput = null)
    {
        var id = Guid.NewGuid().ToString("N");
        SendShell(Frames(MessageTypes.ExecuteRequest, new { code, silent = false, store_history = true, user_expressions = new { }, allow_stdin = false, stop_on_error = false }, id: id));
        whileRunning?.Invoke();
        var outputs = new List<(string, JsonElement)>();
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (deadline.IsCancellationRequested) throw new TimeoutException($"no idle for the cell within {timeout}: {code}");
            if (ReceiveIoPubFull(TimeSpan.FromMilliseconds(200)) is not { } message || message.Parent != id) continue;
            if (message.Type == MessageTypes.Status && message.Content.GetProperty("execution_state").GetString() == "idle") break;
            if (message.Type == MessageTypes.Status) continue;
            outputs.Add((message.Type, message.Content));
            onOutput?.Invoke((message.Type, message.Content));
        }
        var reply = ReceiveShell(timeout) ?? throw new TimeoutException("no execute_reply");
        return new CellRun(reply.Content, outputs);
    }

    public (string Type, JsonElement Content)? ReceiveIoPub(TimeSpan timeout) => ReceiveIoPubFull(timeout) is { } m ? (m.Type, m.Content) : null;

    private (string Type, JsonElement Content, string? Parent)? ReceiveIoPubFull(TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        if (!iopub.TryReceiveMultipartBytes(timeout, ref frames!)) return null;
        var at = frames.FindIndex(f => f.AsSpan().SequenceEqual("<IDS|MSG>"u8));
        using var header = JsonDocument.Parse(frames[at + 2]);
        using var parent = JsonDocument.Parse(frames[at + 3]);
        using var content = JsonDocument.Parse(frames[at + 5]);
        var parentId = parent.RootElement.TryGetProperty("msg_id", out var p) ? p.GetString() : null;
        return (header.RootElement.GetProperty("msg_type").GetString()!, content.RootElement.Clone(), parentId);
    }

    /// <summary>The frames of a request, signed (or not, when <paramref name="signature"/> is given).</summary>
    public List<byte[]> Frames(string type, object? content = null, string? signature = null, string? id = null)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(Requests.Header(type, id), WireJson.Options);
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
        iopub.Dispose();
    }
}
