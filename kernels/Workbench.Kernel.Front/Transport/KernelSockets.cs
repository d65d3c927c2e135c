using System.Threading.Channels;
using NetMQ;
using NetMQ.Sockets;
using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Transport;

/// <summary>
/// The five ZeroMQ sockets of a Jupyter kernel on one poller thread (NetMQ sockets are not thread-safe): incoming
/// messages are decoded and verified there and queued per channel; outgoing messages are queued from any thread and
/// sent there. The heartbeat echoes on the same thread, so it answers while a cell runs.
/// </summary>
internal sealed class KernelSockets : IOutbox, IDisposable
{
    private readonly RouterSocket shell = new();
    private readonly RouterSocket control = new();
    private readonly RouterSocket stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeat = new();
    private readonly NetMQQueue<OutgoingMessage> outgoing = new();
    private readonly NetMQPoller poller;
    private readonly WireCodec codec;
    private readonly KernelLog log;
    private readonly Channel<JupyterMessage> shellInbox = System.Threading.Channels.Channel.CreateUnbounded<JupyterMessage>();
    private readonly Channel<JupyterMessage> controlInbox = System.Threading.Channels.Channel.CreateUnbounded<JupyterMessage>();
    private readonly Channel<JupyterMessage> stdinInbox = System.Threading.Channels.Channel.CreateUnbounded<JupyterMessage>();
    private int unsent;

    public KernelSockets(ConnectionInfo connection, WireCodec codec, KernelLog log)
    {
        this.codec = codec;
        this.log = log;
        foreach (var socket in new NetMQSocket[] { shell, control, stdin, iopub, heartbeat }) socket.Options.Linger = TimeSpan.FromSeconds(1);
        shell.Bind(connection.Address(connection.ShellPort));
        control.Bind(connection.Address(connection.ControlPort));
        stdin.Bind(connection.Address(connection.StdinPort));
        iopub.Bind(connection.Address(connection.IoPubPort));
        heartbeat.Bind(connection.Address(connection.HeartbeatPort));
        shell.ReceiveReady += (_, e) => Receive(Wire.Channel.Shell, e.Socket, shellInbox);
        control.ReceiveReady += (_, e) => Receive(Wire.Channel.Control, e.Socket, controlInbox);
        stdin.ReceiveReady += (_, e) => Receive(Wire.Channel.Stdin, e.Socket, stdinInbox);
        heartbeat.ReceiveReady += (_, e) => Echo(e.Socket);
        outgoing.ReceiveReady += (_, _) => SendQueued();
        poller = [shell, control, stdin, iopub, heartbeat, outgoing];
    }

    public ChannelReader<JupyterMessage> Shell => shellInbox.Reader;

    public ChannelReader<JupyterMessage> Control => controlInbox.Reader;

    public ChannelReader<JupyterMessage> Stdin => stdinInbox.Reader;

    public void Start() => poller.RunAsync("jupyter-sockets");

    public void Send(OutgoingMessage message)
    {
        Interlocked.Increment(ref unsent);
        outgoing.Enqueue(message);
    }

    /// <summary>Waits until every queued message has been handed to its socket (before shutting down).</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Volatile.Read(ref unsent) > 0 && !deadline.IsCancellationRequested) await Task.Delay(10, CancellationToken.None);
    }

    private void Receive(Wire.Channel channel, NetMQSocket socket, Channel<JupyterMessage> inbox)
    {
        var received = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref received!))
        {
            var decoded = codec.Decode(received);
            if (decoded.Message is { } message) inbox.Writer.TryWrite(message);
            else log.Warn($"dropped a message on {channel}: {decoded.Rejection}");
            received = [];
        }
    }

    private static void Echo(NetMQSocket socket)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames!))
        {
            socket.SendMultipartBytes(frames);
            frames = [];
        }
    }

    private void SendQueued()
    {
        while (outgoing.TryDequeue(out var message, TimeSpan.Zero))
        {
            try
            {
                var socket = message.Channel switch
                {
                    Wire.Channel.Shell => shell,
                    Wire.Channel.Control => control,
                    Wire.Channel.Stdin => stdin,
                    _ => (NetMQSocket)iopub,
                };
                socket.SendMultipartBytes(codec.Encode(message));
            }
            catch (Exception e) when (e is NetMQException or InvalidOperationException)
            {
                log.Error($"could not send {message.Type} on {message.Channel}", e);
            }
            finally
            {
                Interlocked.Decrement(ref unsent);
            }
        }
    }

    public void Dispose()
    {
        poller.Stop();
        poller.Dispose();
        foreach (var socket in new NetMQSocket[] { shell, control, stdin, iopub, heartbeat }) socket.Dispose();
        outgoing.Dispose();
        shellInbox.Writer.TryComplete();
        controlInbox.Writer.TryComplete();
        stdinInbox.Writer.TryComplete();
    }
}
