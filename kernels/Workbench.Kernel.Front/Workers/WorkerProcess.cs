using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Project;
using Workbench.Kernel.Front.Sandbox;
using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Language;
using Workbench.Kernel.Worker.Protocol;

namespace Workbench.Kernel.Front.Workers;

/// <summary>
/// One worker process and the front's end of its Unix domain socket. The front listens in a directory only the
/// worker's uid can enter (inside the worker's private directory, beside the read-only project directory), accepts exactly one connection, and treats everything the worker says as untrusted input:
/// it is routed by request id to the cell that asked, and a worker that dies fails every open request.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly MessageChannel channel;
    private readonly Socket connection;
    private readonly WorkerLaunch launch;
    private readonly string privateDirectory;
    private readonly KernelLog log;
    private readonly IProjectAccess project;
    private readonly ConcurrentDictionary<long, Pending> pending = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> asking = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long nextId;

    private sealed record Pending(IExecutionSink? Sink, TaskCompletionSource<WorkerMessage> Done);

    private WorkerProcess(Process process, Socket connection, WorkerLaunch launch, string privateDirectory, KernelLog log, IProjectAccess project)
    {
        this.project = project;
        this.process = process;
        this.connection = connection;
        this.launch = launch;
        this.privateDirectory = privateDirectory;
        this.log = log;
        channel = new MessageChannel(new NetworkStream(connection, ownsSocket: false));
    }

    public string Lockdown { get; private set; } = "";

    public string Isolation => launch.Isolation;

    /// <summary>Completes when the worker has gone (exited, killed, or its socket closed).</summary>
    public Task Exited => exited.Task;

    /// <summary>Starts a worker (see <see cref="SandboxLauncher"/>) and waits until it is warm and locked down.</summary>
    /// <remarks>The worker's files are in <paramref name="kernelDirectory"/>: the front's own directory unless a test gives another.</remarks>
    public static async Task<WorkerProcess> StartAsync(SandboxOptions options, IProjectAccess project, KernelLog log, CancellationToken cancellationToken, string? kernelDirectory = null)
    {
        var privateDirectory = KernelFiles.Current.CreateDirectory("worker-");
        WorkerLaunch? launch = null;
        Process? process = null;
        try
        {
            launch = SandboxLauncher.Prepare(options, kernelDirectory ?? AppContext.BaseDirectory, privateDirectory, Path.GetFileName(privateDirectory));
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(launch.SocketPath));
            // The directory (0700, the worker's uid) is what keeps others out; the socket itself must be writable by the worker.
            File.SetUnixFileMode(launch.SocketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
            listener.Listen(1);
            process = Process.Start(launch.Start) ?? throw new SandboxUnavailableException("the worker did not start");
            log.Info($"worker process {process.Id} started");
            var stderr = new ConcurrentQueue<string>();
            process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { stderr.Enqueue(line); log.Info($"worker: {line}"); } };
            process.OutputDataReceived += (_, e) => { if (e.Data is { } line) log.Info($"worker stdout: {line}"); };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.StartTimeout);
            var accept = listener.AcceptAsync(deadline.Token).AsTask();
            var first = await Task.WhenAny(accept, process.WaitForExitAsync(deadline.Token));
            if (first != accept || !accept.IsCompletedSuccessfully)
                throw new SandboxUnavailableException(StartFailure(process, stderr, "before it connected"));
            log.Info("worker connected");
            var worker = new WorkerProcess(process, accept.Result, launch, privateDirectory, log, project);
            var ready = await worker.channel.ReceiveAsync(deadline.Token);
            if (ready is not WorkerReady hello) throw new SandboxUnavailableException(StartFailure(process, stderr, "before it was ready"));
            worker.Lockdown = hello.Lockdown;
            _ = worker.ReadAsync();
            return worker;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or InvalidDataException or System.ComponentModel.Win32Exception)
        {
            Kill(process);
            launch?.Dispose();
            Directory.Delete(privateDirectory, recursive: true);
            throw new SandboxUnavailableException($"the worker could not be started: {e.Message}", e);
        }
        catch
        {
            Kill(process);
            launch?.Dispose();
            Directory.Delete(privateDirectory, recursive: true);
            throw;
        }
    }

    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink sink, Action<long>? started = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var done = Register(id, sink);
        started?.Invoke(id);
        await SendAsync(new ExecuteCommand(id, code));
        return await done switch
        {
            ExecuteDone { Stuck: true } => throw Replaced(),
            ExecuteDone executed => executed.Outcome,
            var other => throw new InvalidDataException($"the worker answered an execute with {other.GetType().Name}"),
        };
    }

    public async Task<Completions> CompleteAsync(string code, int cursor)
    {
        var id = Interlocked.Increment(ref nextId);
        var done = Register(id, null);
        await SendAsync(new CompleteCommand(id, code, cursor));
        return await done is CompleteDone completed ? completed.Completions : new Completions([], cursor, cursor);
    }

    public async Task<Inspection> InspectAsync(string code, int cursor)
    {
        var id = Interlocked.Increment(ref nextId);
        var done = Register(id, null);
        await SendAsync(new InspectCommand(id, code, cursor));
        return await done is InspectDone inspected ? inspected.Inspection : Inspection.NotFound;
    }

    public Task CancelAsync(long id)
    {
        if (asking.TryGetValue(id, out var waiting)) waiting.Cancel();
        return SendAsync(new CancelCommand(id));
    }

    private WorkerGoneException Replaced()
    {
        log.Warn("the cell ignored the interrupt and its session is stuck: replacing the worker");
        Kill();
        return new WorkerGoneException("the cell did not stop");
    }

    /// <summary>Ends the worker at once (a cell that ignores the interrupt, or shutdown); its open requests fail.</summary>
    public void Kill() => Kill(process);

    private Task<WorkerMessage> Register(long id, IExecutionSink? sink)
    {
        var done = new TaskCompletionSource<WorkerMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = new Pending(sink, done);
        if (exited.Task.IsCompleted) done.TrySetException(new WorkerGoneException(ExitDescription()));
        return done.Task;
    }

    private async Task SendAsync(WorkerMessage message)
    {
        try
        {
            await channel.SendAsync(message);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            log.Warn($"could not reach the worker: {e.Message}");
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await channel.ReceiveAsync() is { } message)
            {
                if (!pending.TryGetValue(message.Id, out var request)) continue;
                switch (message)
                {
                    case StreamEvent stream: request.Sink?.Stream(stream.Name, stream.Text); break;
                    case DisplayEvent display when display.Bundle.Data.ContainsKey(MimeBundle.PlainText): request.Sink?.Display(display.Bundle, display.Update); break;
                    case InputNeeded input when request.Sink is { } sink: _ = AnswerInputAsync(message.Id, sink, input); break;
                    case ProjectNeeded ask when request.Sink is { } sink:
                        _ = AnswerAsync(message.Id, async ct => new ProjectAnswer(ask.Id, ask.Ask, Mount(await project.OpenViewAsync(sink, ct)), null),
                            reason => new ProjectAnswer(ask.Id, ask.Ask, null, reason));
                        break;
                    case SubmitNeeded ask when request.Sink is { } sink:
                        _ = AnswerAsync(message.Id, async ct => new SubmitAnswer(ask.Id, ask.Ask, await project.SubmitAsync(ask.Body, sink, ct), null),
                            reason => new SubmitAnswer(ask.Id, ask.Ask, null, reason));
                        break;
                    case ExecuteDone or CompleteDone or InspectDone:
                        pending.TryRemove(message.Id, out _);
                        if (asking.TryRemove(message.Id, out var asked)) asked.Dispose();
                        request.Done.TrySetResult(message);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException or System.Text.Json.JsonException or ObjectDisposedException)
        {
            log.Warn($"the worker's connection ended: {e.Message}");
        }
        // A worker that ends itself (Environment.Exit, a crash) closes its socket a moment before its process is
        // reaped; give it that moment so the cell reports the worker's own exit code, not the kill's 137.
        await EndAsync(process, TimeSpan.FromSeconds(2));
        var reason = ExitDescription();
        foreach (var (_, request) in pending) request.Done.TrySetException(new WorkerGoneException(reason));
        foreach (var (_, waiting) in asking) waiting.Cancel();
        pending.Clear();
        exited.TrySetResult();
    }

    private async Task AnswerInputAsync(long id, IExecutionSink sink, InputNeeded input)
    {
        try
        {
            var value = await sink.RequestInputAsync(input.Prompt, input.Password, CancellationToken.None);
            await SendAsync(new InputAnswer(id, value, null));
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            await SendAsync(new InputAnswer(id, null, e.Message));
        }
    }

    /// <summary>
    /// Answers a cell's request to the project; an interrupt of the cell ends the wait (a sign-in the user has not
    /// approved, a slow download). Every failure is an answer with the reason, never silence.
    /// </summary>
    private async Task AnswerAsync(long id, Func<CancellationToken, Task<WorkerMessage>> answer, Func<string, WorkerMessage> refuse)
    {
        var cancel = asking.GetOrAdd(id, _ => new CancellationTokenSource());
        WorkerMessage reply;
        try
        {
            reply = await answer(cancel.Token);
        }
        catch (ProjectAccessRefusedException e)
        {
            reply = refuse(e.Message);
        }
        catch (OperationCanceledException)
        {
            reply = refuse("interrupted");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            log.Error("a project request failed", e);
            reply = refuse($"the kernel could not do it: {e.Message}");
        }
        await SendAsync(reply);
    }

    /// <summary>
    /// Makes the front's copy of the view visible to this worker: hard-linked into the directory the sandbox mounts
    /// read-only at <see cref="SandboxLauncher.ProjectMount"/> (the front owns it; the worker's uid cannot write it).
    /// </summary>
    private string Mount(string hostView)
    {
        if (launch.ProjectDirectory is not { } directory) return hostView;
        var staged = Path.Combine(directory, $".view-{Guid.NewGuid():N}");
        try { Posix.Link(hostView, staged); }
        catch (IOException) { File.Copy(hostView, staged); }
        File.Move(staged, Path.Combine(directory, SandboxLauncher.ViewName), overwrite: true);
        return $"{SandboxLauncher.ProjectMount}/{SandboxLauncher.ViewName}";
    }

    private string ExitDescription() =>
        process.HasExited ? $"the worker process ended (exit code {process.ExitCode})" : "the worker's connection closed";

    private static string StartFailure(Process process, ConcurrentQueue<string> stderr, string when)
    {
        if (!process.HasExited) Kill(process);
        process.WaitForExit(2000);
        var said = string.Join(" ", stderr.Take(2));
        return $"the worker ended {when}{(process.HasExited ? $" (exit code {process.ExitCode})" : "")}{(said.Length > 0 ? $": {said}" : "")}";
    }

    private static async Task EndAsync(Process process, TimeSpan grace)
    {
        using var wait = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync();
        }
    }

    private static void Kill(Process? process)
    {
        try
        {
            if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { /* already gone */ }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(process);
        try { await exited.Task.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { log.Warn("the worker did not end within 5 s"); }
        await channel.DisposeAsync();
        connection.Dispose();
        process.Dispose();
        launch.Dispose();
        try { Directory.Delete(privateDirectory, recursive: true); }
        catch (IOException) { /* removed by the temp cleaner */ }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The worker went away while a request was open: the cell fails, the kernel starts a new worker.</summary>
internal sealed class WorkerGoneException(string message) : Exception(message);
