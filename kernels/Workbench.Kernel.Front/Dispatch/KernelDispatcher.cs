using System.Text.Json;
using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Transport;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>
/// Maps each request type to its handler. It alone publishes busy before and idle after every request, logs unknown
/// types, and turns a handler's failure into an error reply so that no client waits for an answer that never comes.
/// </summary>
internal sealed partial class KernelDispatcher
{
    private readonly Dictionary<string, Func<Channel, JupyterMessage, CancellationToken, Task>> handlers;
    private readonly IKernelBackend backend;
    private readonly IOutbox outbox;
    private readonly MessageFactory messages;
    private readonly KernelLog log;
    private readonly InputBroker input;
    private readonly ExecutionHistory history = new();
    private readonly TaskCompletionSource<bool> shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int executionCount;

    public KernelDispatcher(IKernelBackend backend, IOutbox outbox, MessageFactory messages, KernelLog log)
    {
        this.backend = backend;
        this.outbox = outbox;
        this.messages = messages;
        this.log = log;
        input = new InputBroker(outbox, messages);
        handlers = new(StringComparer.Ordinal)
        {
            [MessageTypes.KernelInfoRequest] = HandleKernelInfoAsync,
            [MessageTypes.ExecuteRequest] = HandleExecuteAsync,
            [MessageTypes.CompleteRequest] = HandleCompleteAsync,
            [MessageTypes.InspectRequest] = HandleInspectAsync,
            [MessageTypes.IsCompleteRequest] = HandleIsCompleteAsync,
            [MessageTypes.HistoryRequest] = HandleHistoryAsync,
            [MessageTypes.CommInfoRequest] = HandleCommInfoAsync,
            [MessageTypes.InterruptRequest] = HandleInterruptAsync,
            [MessageTypes.ShutdownRequest] = HandleShutdownAsync,
        };
    }

    /// <summary>Completes with the <c>restart</c> flag when a shutdown_request was answered.</summary>
    public Task<bool> ShutdownRequested => shutdown.Task;

    /// <summary>Set by an execute_request that failed with stop_on_error: the execute_requests queued behind it are aborted.</summary>
    public bool AbortQueuedExecutions { get; private set; }

    public async Task DispatchAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        if (!handlers.TryGetValue(request.Type, out var handler))
        {
            log.Warn($"unknown message type '{request.Type}' on {channel}: ignored");
            return;
        }
        outbox.Send(messages.Publish(request, MessageTypes.Status, StatusContent.Busy));
        try
        {
            await handler(channel, request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.Error($"handler for {request.Type} failed", e);
            outbox.Send(messages.Reply(channel, request, ReplyType(request.Type), new ErrorReply("error", e.GetType().Name, e.Message, [$"{e.GetType().Name}: {e.Message}"])));
        }
        finally
        {
            outbox.Send(messages.Publish(request, MessageTypes.Status, StatusContent.Idle));
        }
    }

    /// <summary>Answers an execute_request queued behind a failed cell with status <c>aborted</c>, as ipykernel does.</summary>
    public void Abort(Channel channel, JupyterMessage request)
    {
        outbox.Send(messages.Publish(request, MessageTypes.Status, StatusContent.Busy));
        outbox.Send(messages.Reply(channel, request, ReplyType(request.Type), new ErrorReply("aborted", "ExecutionAborted", "an earlier cell failed", [], executionCount)));
        outbox.Send(messages.Publish(request, MessageTypes.Status, StatusContent.Idle));
    }

    public void EndAbort() => AbortQueuedExecutions = false;

    /// <summary>An input_reply from the client, for the cell that is waiting in <c>Console.ReadLine()</c>.</summary>
    public void ReceiveInput(JupyterMessage reply) => input.Receive(reply, log);

    private static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";

    private void Reply(Channel channel, JupyterMessage request, object content) =>
        outbox.Send(messages.Reply(channel, request, ReplyType(request.Type), content));

    private static T Read<T>(JupyterMessage request)
    {
        try
        {
            return request.ContentAs<T>();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the content of {request.Type} is not valid: {e.Message}", e);
        }
    }
}
