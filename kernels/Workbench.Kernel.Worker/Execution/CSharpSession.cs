using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Workbench.Kernel.Worker.Language;
using Workbench.Kernel.Worker.Lockdown;

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
    private readonly Lazy<Task> imports;
    private IExecutionSink? sink;

    public CSharpSession(StartupPhases? phases = null)
    {
        PlainTextValues.Register();
        phases?.Done("formatter");
        kernel = new CSharpKernel().UseKernelHelpers();
        phases?.Done("C# kernel");
        kernel.AddAssemblyReferences(ShippedLibraries.Paths(AppContext.BaseDirectory));
        phases?.Done("references");
        Workbench.Api.WorkbenchFormatters.Register();
        phases?.Done("Workbench formatters");
        // The imports end in an expression: compiling and running it once is the warm-up of the first cell.
        imports = new Lazy<Task>(() => kernel.SendAsync(
            new SubmitCode(string.Concat(ShippedLibraries.Namespaces.Select(n => $"using {n};\n")) + "0"), CancellationToken.None));
        subscription = kernel.KernelEvents.Subscribe(OnEvent);
        ConsoleInput.Install();
        ProjectChannel.Install();
    }

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// True after an interrupted cell that did not stop (it ignores cancellation): the session cannot run anything
    /// again, and its process must be replaced.
    /// </summary>
    public bool Stuck { get; private set; }

    /// <summary>
    /// Compiles and runs the session's first submission (the imports and a trivial expression, in one), so that the
    /// user's first cell does not pay for loading Roslyn. Leaves nothing in the session's variables. The language
    /// services (completion, hover: Roslyn's workspaces) are warmed later, when the session is idle
    /// (<see cref="WarmUpLanguageWhenIdleAsync"/>), so that they are not on the way to the first result.
    /// </summary>
    public async Task WarmUpAsync(StartupPhases? phases = null)
    {
        await imports.Value;
        phases?.Done("imports and first cell");
    }

    /// <summary>
    /// Asks for completions and hover text once, after the session has had nothing to do for <paramref name="quiet"/>
    /// (a user's own first request warms them just the same, and then this does nothing).
    /// </summary>
    public async Task WarmUpLanguageWhenIdleAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        while (!languageUsed)
        {
            var seen = Volatile.Read(ref activity);
            await Task.Delay(quiet, cancellationToken);
            if (languageUsed) return;
            if (seen != Volatile.Read(ref activity) || oneAtATime.CurrentCount == 0) continue;
            await kernel.SendAsync(new RequestCompletions("Console.", new LinePosition(0, 8)), cancellationToken);
            await kernel.SendAsync(new RequestHoverText("Console", new LinePosition(0, 3)), cancellationToken);
            languageUsed = true;
        }
    }

    private long activity;
    private volatile bool languageUsed;

    /// <summary>Runs one cell. Cancelling the token asks the kernel to cancel, which stops cooperative waits only.</summary>
    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink output, CancellationToken cancellationToken)
    {
        if (SubmissionPolicy.Refusal(code) is { } refusal)
            return ExecutionOutcome.Failure(new ExecutionError(ExecutionError.Refused, refusal, [$"{ExecutionError.Refused}: {refusal}"]));
        Interlocked.Increment(ref activity);
        try
        {
            await oneAtATime.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return Interrupted(); // interrupted before it started: nothing ran
        }
        try
        {
            await imports.Value;
            sink = output;
            ConsoleInput.Route(output, cancellationToken);
            ProjectChannel.Route(output as IProjectServices, cancellationToken);
            await using var cancel = cancellationToken.Register(() => _ = kernel.SendAsync(new Cancel(), CancellationToken.None));
            KernelCommandResult? result = null;
            try
            {
                result = await kernel.SendAsync(new SubmitCode(code), CancellationToken.None);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The cancel may also surface as an exception (seen with a CPU-starved worker): the same as below.
            }
            if (result is not null && !cancellationToken.IsCancellationRequested) return ExecutionOutcomes.From(result.Events);
            // .NET Interactive's cancel ends the command but not the code: a loop that never yields keeps the session's
            // scheduler, and the next command would wait for ever. Probe it; a session that does not answer is stuck.
            var probe = Task.Run(() => kernel.SendAsync(new SubmitCode(""), CancellationToken.None));
            Stuck = await Task.WhenAny(probe, Task.Delay(ProbeTimeout, CancellationToken.None)) != probe;
            return Interrupted();
        }
        finally
        {
            ConsoleInput.Route(null, CancellationToken.None);
            ProjectChannel.Route(null, CancellationToken.None);
            oneAtATime.Release();
        }
    }

    public async Task<Completions> CompleteAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        languageUsed = true;
        await imports.Value;
        var cursor = CodePoints.ToUtf16Index(code, cursorCodePoints);
        var result = await kernel.SendAsync(new RequestCompletions(code, CodePoints.ToLinePosition(code, cursor)), cancellationToken);
        var produced = result.Events.OfType<CompletionsProduced>().FirstOrDefault();
        return CompletionMatches.From(code, cursor, produced?.Completions ?? []);
    }

    public async Task<Inspection> InspectAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        languageUsed = true;
        await imports.Value;
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
