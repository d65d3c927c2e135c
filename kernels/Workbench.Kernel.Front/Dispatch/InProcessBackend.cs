using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>
/// Runs cells in this process. For development and the dispatcher's tests only: nothing isolates user code from the
/// front, and an interrupt stops cooperative waits only.
/// </summary>
internal sealed class InProcessBackend : IKernelBackend
{
    private readonly CSharpSession session = new();
    private CancellationTokenSource? running;

    public string Isolation => "UNSANDBOXED development mode: cells run inside the kernel process with the user's rights.";

    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink sink, CancellationToken cancellationToken)
    {
        using var cell = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        running = cell;
        try
        {
            return await session.ExecuteAsync(code, sink, cell.Token);
        }
        finally
        {
            running = null;
        }
    }

    public Task<Completions> CompleteAsync(string code, int cursorCodePoints, CancellationToken cancellationToken) =>
        session.CompleteAsync(code, cursorCodePoints, cancellationToken);

    public Task<Inspection> InspectAsync(string code, int cursorCodePoints, CancellationToken cancellationToken) =>
        session.InspectAsync(code, cursorCodePoints, cancellationToken);

    public Task InterruptAsync()
    {
        try { running?.Cancel(); }
        catch (ObjectDisposedException) { /* the cell ended meanwhile */ }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        session.Dispose();
        return ValueTask.CompletedTask;
    }
}
