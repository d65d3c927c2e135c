using Workbench.Kernel.Front.Dispatch;
using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Transport;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Hosting;

/// <summary>
/// Runs one kernel: binds the sockets, then serves shell requests one at a time and control requests beside them
/// (so that interrupt and shutdown are answered while a cell runs), until a shutdown_request or until the Jupyter client
/// that started the kernel is gone (<see cref="ParentWatch"/>).
/// </summary>
internal static class KernelHost
{
    public static async Task<int> RunAsync(ConnectionInfo connection, IKernelBackend backend, KernelLog log, TimeProvider time)
    {
        var messages = new MessageFactory(Guid.NewGuid().ToString("N"), time);
        using var sockets = new KernelSockets(connection, new WireCodec(new MessageSigner(connection.KeyBytes), new ReplayGuard()), log);
        var dispatcher = new KernelDispatcher(backend, sockets, messages, log);
        using var stopping = new CancellationTokenSource();
        sockets.Start();
        sockets.Send(messages.Publish(null, MessageTypes.Status, StatusContent.Starting));
        log.Info($"listening on {connection.Ip} (shell {connection.ShellPort}, control {connection.ControlPort})");

        var shell = ServeShellAsync(sockets, dispatcher, stopping.Token);
        var control = ServeAsync(sockets.Control, Channel.Control, dispatcher, stopping.Token);
        var stdin = ReceiveInputAsync(sockets, dispatcher, stopping.Token);
        var parent = ParentWatch.ForThisProcess(Environment.GetEnvironmentVariable("JPY_PARENT_PID"));
        var parentGone = parent?.WaitUntilGoneAsync(stopping.Token) ?? Task.Delay(Timeout.Infinite, stopping.Token);
        if (await Task.WhenAny(dispatcher.ShutdownRequested, parentGone) == parentGone)
            log.Warn($"the Jupyter client (pid {parent!.Pid}) is gone: shutting down the kernel and its worker");
        else
            log.Info($"shutdown requested (restart: {await dispatcher.ShutdownRequested})");
        await sockets.FlushAsync(TimeSpan.FromSeconds(2));
        await stopping.CancelAsync();
        await backend.DisposeAsync();
        await Task.WhenAll(Quietly(shell), Quietly(control), Quietly(stdin));
        return 0;
    }

    private static async Task ServeShellAsync(KernelSockets sockets, KernelDispatcher dispatcher, CancellationToken cancellationToken)
    {
        await foreach (var request in sockets.Shell.ReadAllAsync(cancellationToken))
        {
            await dispatcher.DispatchAsync(Channel.Shell, request, cancellationToken);
            if (!dispatcher.AbortQueuedExecutions) continue;
            // stop_on_error: what was already queued behind the failed cell is answered "aborted", not run.
            while (sockets.Shell.TryRead(out var queued))
            {
                if (queued.Type == MessageTypes.ExecuteRequest) dispatcher.Abort(Channel.Shell, queued);
                else await dispatcher.DispatchAsync(Channel.Shell, queued, cancellationToken);
            }
            dispatcher.EndAbort();
        }
    }

    private static async Task ServeAsync(System.Threading.Channels.ChannelReader<JupyterMessage> inbox, Channel channel, KernelDispatcher dispatcher, CancellationToken cancellationToken)
    {
        await foreach (var request in inbox.ReadAllAsync(cancellationToken)) await dispatcher.DispatchAsync(channel, request, cancellationToken);
    }

    private static async Task ReceiveInputAsync(KernelSockets sockets, KernelDispatcher dispatcher, CancellationToken cancellationToken)
    {
        await foreach (var reply in sockets.Stdin.ReadAllAsync(cancellationToken)) dispatcher.ReceiveInput(reply);
    }

    private static async Task Quietly(Task task)
    {
        try { await task; }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
