using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>
/// The backend when no sandbox could be made: the kernel still speaks Jupyter (so the user sees why), but runs no
/// user code at all.
/// </summary>
internal sealed class RefusingBackend(string reason) : IKernelBackend
{
    public string Isolation => $"NOT RUNNING CODE: {reason}";

    public Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink sink, CancellationToken cancellationToken) =>
        Task.FromResult(ExecutionOutcome.Failure(new ExecutionError(ExecutionError.Refused, $"This kernel runs no code: {reason}", [$"{ExecutionError.Refused}: {reason}"])));

    public Task<Completions> CompleteAsync(string code, int cursorCodePoints, CancellationToken cancellationToken) =>
        Task.FromResult(new Completions([], cursorCodePoints, cursorCodePoints));

    public Task<Inspection> InspectAsync(string code, int cursorCodePoints, CancellationToken cancellationToken) => Task.FromResult(Inspection.NotFound);

    public Task InterruptAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
