using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>
/// Where user code runs. The front speaks Jupyter and never runs a cell itself; a backend does, in the sandboxed
/// worker or (in development only, announced in the banner) in this process.
/// </summary>
internal interface IKernelBackend : IAsyncDisposable
{
    /// <summary>For the banner: how user code is isolated (waits until that is known).</summary>
    Task<string> DescribeIsolationAsync();

    Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink sink, CancellationToken cancellationToken);

    Task<Completions> CompleteAsync(string code, int cursorCodePoints, CancellationToken cancellationToken);

    Task<Inspection> InspectAsync(string code, int cursorCodePoints, CancellationToken cancellationToken);

    /// <summary>Stops the running cell, if any; the kernel keeps answering.</summary>
    Task InterruptAsync();
}
