using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Workbench.Kernel.Worker.Language;
using Workbench.Kernel.Worker.Lockdown;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// One C# session on Roslyn's scripting engine: runs cells one at a time, each a submission that continues the state
/// of the ones before; streams their output to the sink while they run; and answers the language questions
/// (completion, inspection) against the session's submissions, in a workspace made on the first question.
/// </summary>
public sealed class CSharpSession : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private static int installed;

    private readonly ScriptOptions options;
    private readonly ScriptOptions continuation;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly Lazy<Task> imports;
    private readonly SubmissionWorkspace workspace;
    private ScriptState<object>? state;

    public CSharpSession(StartupPhases? phases = null)
    {
        Formatting.Register();
        phases?.Done("formatters");
        var references = ShippedLibraries.References(AppContext.BaseDirectory);
        options = ScriptOptions.Default
            .WithReferences(references)
            .WithImports([])
            .WithMetadataResolver(NoReferences.Instance)
            .WithSourceResolver(NoSourceFiles.Instance)
            .WithLanguageVersion(LanguageVersion.Latest)
            // Optimised: a cell's loops over microdata run faster, and the compiler emits a little less (measured 5-10 %).
            .WithOptimizationLevel(OptimizationLevel.Release);
        // Later submissions inherit the first one's references: given them again, each would bind all of them anew.
        continuation = options.WithReferences(Array.Empty<MetadataReference>());
        workspace = new SubmissionWorkspace([ShippedLibraries.CoreLibrary, .. references]);
        phases?.Done("references");
        // The imports end in an expression: compiling and running them once is the warm-up of the first cell.
        var first = string.Concat(ShippedLibraries.Imports.Select(n => $"using {n};\n")) + "0";
        imports = new Lazy<Task>(() => Task.Run(async () =>
        {
            state = await CSharpScript.RunAsync(first, options);
            workspace.Add(first);
        }));
        InstallChannels();
    }

    /// <summary>Console, display, the project and output submission, routed to the running cell (once per process).</summary>
    private static void InstallChannels()
    {
        if (Interlocked.Exchange(ref installed, 1) != 0) return;
        Console.SetOut(new ConsoleOutput(StreamName.Stdout));
        Console.SetError(new ConsoleOutput(StreamName.Stderr));
        Console.SetIn(new ConsoleInput());
        var channel = new ProjectChannel();
        Workbench.Api.ProjectData.Source = channel;
        Workbench.Api.Output.Transport = channel;
        Workbench.Api.NotebookHost.Output = new DisplayOutput();
    }

    /// <summary>
    /// True after an interrupted cell that did not stop (it ignores cancellation): the session cannot run anything
    /// again, and its process must be replaced.
    /// </summary>
    public bool Stuck { get; private set; }

    /// <summary>
    /// Compiles and runs the session's first submission (the imports and a trivial expression, in one), so that the
    /// user's first cell does not pay for loading Roslyn. Leaves nothing in the session's variables.
    /// </summary>
    public async Task WarmUpAsync(StartupPhases? phases = null)
    {
        await imports.Value;
        phases?.Done("imports and first cell");
    }

    /// <summary>
    /// Runs one cell. Cancelling the token interrupts it: <c>Interrupted</c> in the cell is cancelled, which ends
    /// cooperative waits; a cell that does not end within a second leaves the session <see cref="Stuck"/>.
    /// </summary>
    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink output, CancellationToken cancellationToken)
    {
        if (SubmissionPolicy.Refusal(code) is { } refusal)
            return ExecutionOutcome.Failure(new ExecutionError(ExecutionError.Refused, refusal, [$"{ExecutionError.Refused}: {refusal}"]));
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
            if (Stuck) return Interrupted();
            await imports.Value;
            using var route = RunningCell.Enter(output, cancellationToken);
            var run = Task.Run(() => state!.ContinueWithAsync(code, continuation, catchException: _ => true, CancellationToken.None), CancellationToken.None);
            try
            {
                await run.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The code runs on: give it a moment to see the interrupt; one that does not stop has the session for good.
                Stuck = await Task.WhenAny(run, Task.Delay(ProbeTimeout, CancellationToken.None)) != run;
                if (!Stuck && run.IsCompletedSuccessfully) Continue(run.Result, code);
                return Interrupted();
            }
            catch (CompilationErrorException failed)
            {
                return ExecutionOutcomes.From(failed);
            }
            Continue(run.Result, code);
            if (cancellationToken.IsCancellationRequested) return Interrupted();
            return ExecutionOutcomes.From(run.Result);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>The cell compiled and ran (perhaps into an exception): its variables and usings are the session's now.</summary>
    private void Continue(ScriptState<object> next, string code)
    {
        state = next;
        workspace.Add(code);
    }

    public async Task<Completions> CompleteAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        await imports.Value;
        var cursor = CodePoints.ToUtf16Index(code, cursorCodePoints);
        return CompletionMatches.From(code, cursor, await workspace.CompleteAsync(code, cursor, cancellationToken));
    }

    public async Task<Inspection> InspectAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        await imports.Value;
        var cursor = CodePoints.ToUtf16Index(code, cursorCodePoints);
        // A cursor just after a name (where Jupyter puts it) hovers over nothing; look one character back as well.
        foreach (var at in cursor > 0 ? [cursor, cursor - 1] : new[] { cursor })
        {
            if (await workspace.DescribeAsync(code, at, cancellationToken) is { } markdown) return new Inspection(true, markdown);
        }
        return Inspection.NotFound;
    }

    private static ExecutionOutcome Interrupted() =>
        ExecutionOutcome.Failure(new ExecutionError(ExecutionError.Interrupted, "The cell was interrupted.", ["KernelInterrupted: the cell was interrupted."]));

    public void Dispose()
    {
        workspace.Dispose();
        oneAtATime.Dispose();
    }
}
