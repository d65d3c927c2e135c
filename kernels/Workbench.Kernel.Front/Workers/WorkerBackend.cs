using Workbench.Kernel.Front.Dispatch;
using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Project;
using Workbench.Kernel.Front.Sandbox;
using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Front.Workers;

/// <summary>
/// Cells run in a worker process (sandboxed unless in development mode), started when the kernel starts so that it is
/// warm when the first cell comes. An interrupt first asks the cell to stop; a cell that keeps running (a busy loop)
/// gets its worker replaced after <see cref="InterruptGrace"/>, and the kernel goes on with a fresh session; the
/// replacement starts at the interrupt itself, during the grace period, and is dropped if the cell does stop. A worker
/// that dies (a memory bomb, <c>Environment.Exit</c>) fails its cell and is replaced the same way. If no worker can be
/// started the kernel refuses to run code and says why.
/// </summary>
internal sealed class WorkerBackend : IKernelBackend
{
    public static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(2);

    private readonly SandboxOptions options;
    private readonly IProjectAccess project;
    private readonly KernelLog log;
    private readonly Lock gate = new();
    private readonly SandboxUids? uids;
    private readonly SandboxUnavailableException? noUid;
    private Task<WorkerProcess> worker;
    // A replacement started when an interrupt comes (see InterruptAsync), so that a cell that ignores it costs the
    // user the rest of a worker start, not all of it.
    private Task<WorkerProcess>? spare;
    private RunningCell? running;

    private sealed record RunningCell(WorkerProcess Worker, long Id, TaskCompletionSource Finished)
    {
        public bool Interrupted { get; set; }
    }

    public WorkerBackend(SandboxOptions options, IProjectAccess project, KernelLog log)
    {
        this.project = project;
        this.log = log;
        if (!options.Unsandboxed && Posix.IsRoot)
        {
            // Every kernel's worker gets a uid of its own (kernels on one work directory share it), held until the front ends.
            try
            {
                uids = SandboxUids.Acquire(options.WorkDirectory);
                options = options with { Uid = uids.Uid };
                log.Info($"sandbox uid {uids.Uid} for {options.WorkDirectory}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                noUid = new SandboxUnavailableException($"no uid of its own for the sandbox: {e.Message}", e);
            }
        }
        this.options = options;
        worker = StartWorker();
    }

    /// <summary>How long kernel_info waits for a starting worker before the banner says it is still starting.</summary>
    public static readonly TimeSpan BannerWait = TimeSpan.FromSeconds(10);

    public async Task<string> DescribeIsolationAsync()
    {
        var starting = worker;
        if (await Task.WhenAny(starting, Task.Delay(BannerWait)) != starting)
            return options.Unsandboxed
                ? "UNSANDBOXED development mode (worker starting): cells run with the user's rights, network and files."
                : "sandboxed worker starting (bubblewrap, seccomp, memory and task limits); cells wait for it, and none runs if the sandbox cannot be made.";
        try
        {
            var current = await starting;
            return $"{current.Isolation}; worker: {current.Lockdown}.";
        }
        catch (SandboxUnavailableException e)
        {
            return $"NOT RUNNING CODE: the sandbox cannot be created: {e.Message}";
        }
    }

    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink sink, CancellationToken cancellationToken)
    {
        WorkerProcess current;
        try
        {
            current = await worker;
        }
        catch (SandboxUnavailableException e)
        {
            var reason = $"the sandbox cannot be created, so this kernel runs no code: {e.Message}";
            return ExecutionOutcome.Failure(new ExecutionError(ExecutionError.Refused, reason, [$"{ExecutionError.Refused}: {reason}"]));
        }
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        RunningCell? cell = null;
        try
        {
            return await current.ExecuteAsync(code, sink, id =>
            {
                lock (gate) running = cell = new RunningCell(current, id, finished);
            });
        }
        catch (WorkerGoneException e)
        {
            Replace(current);
            return cell?.Interrupted == true
                ? ExecutionOutcome.Failure(new ExecutionError(ExecutionError.Interrupted,
                    "The cell did not stop at the interrupt, so its worker was replaced: variables and loaded data of this session are gone.",
                    ["KernelInterrupted: the worker was replaced; run the cells again that this one depends on."]))
                : ExecutionOutcome.Failure(new ExecutionError("WorkerDied",
                    $"{e.Message}. A new worker was started: variables and loaded data of this session are gone.",
                    [$"WorkerDied: {e.Message} (a memory or task limit, or the cell ended the process)."]));
        }
        finally
        {
            finished.TrySetResult();
            lock (gate) if (running == cell) running = null;
        }
    }

    public async Task<Completions> CompleteAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        try { return await (await worker).CompleteAsync(code, cursorCodePoints); }
        catch (Exception e) when (e is SandboxUnavailableException or WorkerGoneException) { return new Completions([], cursorCodePoints, cursorCodePoints); }
    }

    public async Task<Inspection> InspectAsync(string code, int cursorCodePoints, CancellationToken cancellationToken)
    {
        try { return await (await worker).InspectAsync(code, cursorCodePoints); }
        catch (Exception e) when (e is SandboxUnavailableException or WorkerGoneException) { return Inspection.NotFound; }
    }

    public async Task InterruptAsync()
    {
        RunningCell? cell;
        lock (gate) cell = running;
        if (cell is null)
        {
            log.Info("interrupt: no cell is running");
            return;
        }
        log.Info($"interrupt: asking cell {cell.Id} to stop");
        cell.Interrupted = true;
        StartSpare();
        await cell.Worker.CancelAsync(cell.Id);
        if (await Task.WhenAny(cell.Finished.Task, Task.Delay(InterruptGrace)) == cell.Finished.Task)
        {
            // Stopped (a cooperative wait) or replaced already: a spare still held is only memory. It is ended in the
            // background, so the interrupt's reply does not wait for the spare to finish starting.
            log.Info($"interrupt: cell {cell.Id} stopped");
            _ = DropSpareAsync();
            return;
        }
        log.Warn($"cell {cell.Id} ignored the interrupt for {InterruptGrace.TotalSeconds:0} s: replacing its worker");
        cell.Worker.Kill();
    }

    private void StartSpare()
    {
        lock (gate)
        {
            if (spare is null && worker.IsCompleted) spare = StartWorker();
        }
    }

    private async Task DropSpareAsync()
    {
        Task<WorkerProcess>? unused;
        lock (gate) (unused, spare) = (spare, null);
        if (unused is null) return;
        try { await (await unused).DisposeAsync(); }
        catch (SandboxUnavailableException) { /* it did not start; nothing to end */ }
    }

    private void Replace(WorkerProcess gone)
    {
        lock (gate)
        {
            if (!worker.IsCompletedSuccessfully || worker.Result != gone) return;
            (worker, spare) = (spare ?? StartWorker(), null);
        }
        _ = gone.DisposeAsync().AsTask();
    }

    private Task<WorkerProcess> StartWorker()
    {
        if (noUid is not null)
        {
            log.Error("no worker", noUid);
            return Task.FromException<WorkerProcess>(noUid);
        }
        var start = WorkerProcess.StartAsync(options, project, log, CancellationToken.None);
        _ = start.ContinueWith(
            t => { if (t.IsCompletedSuccessfully) log.Info($"worker ready: {t.Result.Isolation}; worker: {t.Result.Lockdown}"); else log.Error("no worker", t.Exception?.GetBaseException()); },
            TaskScheduler.Default);
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        await DropSpareAsync();
        try { await (await worker).DisposeAsync(); }
        catch (SandboxUnavailableException) { /* there was none */ }
        project.Dispose();
        uids?.Dispose();
    }
}
