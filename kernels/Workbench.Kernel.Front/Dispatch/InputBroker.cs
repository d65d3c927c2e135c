using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Transport;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>
/// Sends an input_request on stdin to the client that sent the running execute_request (same routing identity, as
/// jupyter_client gives its shell and stdin sockets one identity) and completes when its input_reply arrives.
/// One request at a time: a cell blocks in <c>Console.ReadLine()</c> until answered or interrupted.
/// </summary>
internal sealed class InputBroker(IOutbox outbox, MessageFactory messages)
{
    private readonly Lock gate = new();
    private TaskCompletionSource<string>? pending;

    public async Task<string> RequestAsync(JupyterMessage executeRequest, string prompt, bool password, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (pending is not null) throw new InvalidOperationException("another input request is still waiting for its answer");
            pending = answer;
        }
        try
        {
            outbox.Send(messages.Reply(Channel.Stdin, executeRequest, MessageTypes.InputRequest, new InputRequest(prompt, password)));
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (gate) pending = null;
        }
    }

    public void Receive(JupyterMessage reply, KernelLog log)
    {
        TaskCompletionSource<string>? waiting;
        lock (gate) waiting = pending;
        if (reply.Type != MessageTypes.InputReply || waiting is null)
        {
            log.Warn($"unexpected {reply.Type} on stdin: no input was asked for");
            return;
        }
        waiting.TrySetResult(reply.ContentAs<InputReply>().Value);
    }

    /// <summary>An interrupt ends the wait: ReadLine throws instead of blocking the kernel.</summary>
    public void Cancel()
    {
        TaskCompletionSource<string>? waiting;
        lock (gate) waiting = pending;
        waiting?.TrySetException(new OperationCanceledException("the input request was interrupted"));
    }
}
