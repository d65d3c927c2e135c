using System.Text.Json;
using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Wire;
using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Front.Dispatch;

internal sealed partial class KernelDispatcher
{
    private static readonly IReadOnlyDictionary<string, object> NoMetadata = new Dictionary<string, object>();

    private async Task HandleExecuteAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var content = Read<ExecuteRequest>(request);
        // silent: no broadcast at all and no history (messaging spec, execute_request).
        var storeHistory = content.StoreHistory && !content.Silent;
        if (storeHistory) executionCount++;
        var count = executionCount;
        if (!content.Silent) outbox.Send(messages.Publish(request, MessageTypes.ExecuteInput, new ExecuteInput(content.Code, count)));

        var output = new CellOutput(request, outbox, messages, input, content.Silent, content.AllowStdin);
        var outcome = await backend.ExecuteAsync(content.Code, output, cancellationToken);

        if (outcome.Error is { } error)
        {
            if (!content.Silent) outbox.Send(messages.Publish(request, MessageTypes.Error, new ErrorContent(error.Name, error.Value, error.Traceback)));
            if (storeHistory) history.Add(count, content.Code, null);
            Reply(channel, request, new ErrorReply("error", error.Name, error.Value, error.Traceback, count));
            AbortQueuedExecutions = content.StopOnError;
            return;
        }
        if (outcome.Result is { } result && !content.Silent)
            outbox.Send(messages.Publish(request, MessageTypes.ExecuteResult, new ExecuteResult(count, result.Data, NoMetadata)));
        if (storeHistory) history.Add(count, content.Code, outcome.Result?.Plain);
        var expressions = await EvaluateUserExpressionsAsync(content.UserExpressions, cancellationToken);
        Reply(channel, request, new ExecuteReplyOk("ok", count, Array.Empty<JsonElement>(), expressions));
    }

    /// <summary>
    /// user_expressions are evaluated after the cell, silently, each to a text/plain bundle or an error
    /// (messaging spec: "the kernel evaluates each expression and returns the result as a MIME bundle").
    /// </summary>
    private async Task<IReadOnlyDictionary<string, object>> EvaluateUserExpressionsAsync(Dictionary<string, string>? expressions, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, expression) in expressions ?? [])
        {
            var outcome = await backend.ExecuteAsync(expression, NullSink.Instance, cancellationToken);
            results[name] = outcome.Error is { } error
                ? new ErrorReply("error", error.Name, error.Value, error.Traceback)
                : new { status = "ok", data = outcome.Result?.Data ?? new Dictionary<string, string> { [MimeBundle.PlainText] = "" }, metadata = NoMetadata };
        }
        return results;
    }

    /// <summary>Output of user expressions: discarded, and no input can be asked for.</summary>
    private sealed class NullSink : IExecutionSink
    {
        public static readonly NullSink Instance = new();

        public void Stream(StreamName name, string text) { }

        public void Display(MimeBundle bundle, bool update) { }

        public Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("user expressions cannot read input");
    }
}
