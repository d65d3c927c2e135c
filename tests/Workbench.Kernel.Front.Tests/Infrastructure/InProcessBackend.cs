using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Front.Dispatch;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Front.Tests.Infrastructure;

/// <summary>
/// Runs cells in the test process, so that the dispatcher's tests need no worker process: nothing isolates user code,
/// and an interrupt stops cooperative waits only.
/// </summary>
internal sealed class InProcessBackend : IKernelBackend
{
    private readonly CSharpSession session = new();
    private CancellationTokenSource? running;

    public Task<string> DescribeIsolationAsync() => Task.FromResult("UNSANDBOXED: cells run inside the test process.");

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
