using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// One C# session on .NET Interactive's C# kernel: runs cells one at a time, streams their output to the sink while
/// they run, and answers the language questions (completion, inspection, completeness) against the session's state.
/// </summary>
public sealed class CSharpSession : IDisposable
{
    private readonly CSharpKernel kernel;
    private readonly IDisposable subscription;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private IExecutionSink? sink;

    public CSharpSession()
    {
        PlainTextValues.Register();
        kernel = new CSharpKernel().UseKernelHelpers();
        subscription = kernel.KernelEvents.Subscribe(OnEvent);
        ConsoleInput.Install();
    }

    /// <summary>Runs one cell. Cancelling the token asks the kernel to cancel, which stops cooperative waits only.</summary>
    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink output, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            sink = output;
            ConsoleInput.Route(output, cancellationToken);
            await using var cancel = cancellationToken.Register(() => _ = kernel.SendAsync(new Cancel(), CancellationToken.None));
            var result = await kernel.SendAsync(new SubmitCode(code), CancellationToken.None);
            return cancellationToken.IsCancellationRequested ? Interrupted() : ExecutionOutcomes.From(result.Events);
        }
        finally
        {
            ConsoleInput.Route(null, CancellationToken.None);
            oneAtATime.Release();
        }
    }

    public async Task<Completions> CompleteAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        var cursor = CodePoints.ToUtf16Index(code, cursorCodePoints);
        var result = await kernel.SendAsync(new RequestCompletions(code, CodePoints.ToLinePosition(code, cursor)), cancellationToken);
        var produced = result.Events.OfType<CompletionsProduced>().FirstOrDefault();
        return CompletionMatches.From(code, cursor, produced?.Completions ?? []);
    }

    public async Task<Inspection> InspectAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        var cursor = CodePoints.ToUtf16Index(code, cursorCodePoints);
        // A cursor just after a name (where Jupyter puts it) hovers over nothing; look one character back as well.
        foreach (var at in cursor > 0 ? [cursor, cursor - 1] : new[] { cursor })
        {
            var result = await kernel.SendAsync(new RequestHoverText(code, CodePoints.ToLinePosition(code, at)), cancellationToken);
            var hover = result.Events.OfType<HoverTextProduced>().FirstOrDefault();
            var text = hover?.Content.FirstOrDefault(c => c.MimeType == "text/markdown")?.Value ?? hover?.Content.FirstOrDefault()?.Value;
            if (!string.IsNullOrWhiteSpace(text)) return new Inspection(true, text);
        }
        return Inspection.NotFound;
    }

    private static ExecutionOutcome Interrupted() =>
        ExecutionOutcome.Failure(new ExecutionError(ExecutionError.Interrupted, "The cell was interrupted.", ["KernelInterrupted: the cell was interrupted."]));

    private void OnEvent(KernelEvent e)
    {
        var target = sink;
        if (target is null) return;
        switch (e)
        {
            case StandardOutputValueProduced o: target.Stream(StreamName.Stdout, PlainTextValues.Of(o)); break;
            case StandardErrorValueProduced o: target.Stream(StreamName.Stderr, PlainTextValues.Of(o)); break;
            case DisplayedValueProduced d: target.Display(PlainTextValues.Bundle(d), update: false); break;
            case DisplayedValueUpdated d: target.Display(PlainTextValues.Bundle(d), update: true); break;
            case ErrorProduced d: target.Stream(StreamName.Stderr, PlainTextValues.Of(d)); break;
        }
    }

    public void Dispose()
    {
        subscription.Dispose();
        kernel.Dispose();
        oneAtATime.Dispose();
    }
}
