using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Wire;
using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Front.Dispatch;

internal sealed partial class KernelDispatcher
{
    private async Task HandleCompleteAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var content = Read<CompleteRequest>(request);
        var completions = await backend.CompleteAsync(content.Code, content.CursorPosition, cancellationToken);
        Reply(channel, request, new CompleteReply(
            "ok",
            completions.Matches.Select(m => m.Text).ToList(),
            completions.CursorStart,
            completions.CursorEnd,
            new CompleteMetadata(completions.Matches.Select(m => new TypedMatch(completions.CursorStart, completions.CursorEnd, m.Text, m.Kind.ToLowerInvariant())).ToList())));
    }

    private async Task HandleInspectAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var content = Read<InspectRequest>(request);
        var inspection = await backend.InspectAsync(content.Code, content.CursorPosition, cancellationToken);
        var data = inspection.Found
            ? new Dictionary<string, string> { [MimeBundle.PlainText] = inspection.Markdown, ["text/markdown"] = inspection.Markdown }
            : new Dictionary<string, string>();
        Reply(channel, request, new InspectReply("ok", inspection.Found, data, NoMetadata));
    }

    private Task HandleIsCompleteAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var content = Read<IsCompleteRequest>(request);
        Reply(channel, request, Completeness.Check(content.Code) switch
        {
            CompletenessStatus.Complete => new IsCompleteReply("complete"),
            CompletenessStatus.Incomplete => new IsCompleteReply("incomplete", "    "),
            _ => new IsCompleteReply("invalid"),
        });
        return Task.CompletedTask;
    }

    private Task HandleHistoryAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var content = Read<HistoryRequest>(request);
        var entries = content.AccessType switch
        {
            "tail" => history.Tail(content.Count),
            "range" => content.Session is null or 0 or ExecutionHistory.Session ? history.Range(content.Start, content.Stop) : [],
            "search" => history.Search(content.Pattern ?? "*", content.Count, content.Unique),
            _ => throw new InvalidDataException($"hist_access_type '{content.AccessType}' is not one of tail, range, search"),
        };
        var rows = entries
            .Select(e => content.Output
                ? new object[] { ExecutionHistory.Session, e.Line, new object?[] { e.Input, e.Output } }
                : new object[] { ExecutionHistory.Session, e.Line, e.Input })
            .ToList();
        Reply(channel, request, new HistoryReply("ok", rows));
        return Task.CompletedTask;
    }
}
