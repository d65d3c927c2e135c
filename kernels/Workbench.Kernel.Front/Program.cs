using Workbench.Kernel.Front.Dispatch;
using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Project;
using Workbench.Kernel.Front.Wire;
using Workbench.Kernel.Front.Workers;

// workbench-csharp kernel: Workbench.Kernel.Front --connection-file FILE [--unsandboxed-development]
var log = new KernelLog(Console.Error, TimeProvider.System);
if (Workbench.Kernel.Worker.Execution.StartupPhases.SinceProcessStart() is { } sinceStart)
    log.Info($"front started ({sinceStart.TotalMilliseconds:0} ms from its process's start to Main)");
var options = FrontOptions.Parse(args);
if (options.Error is { } error)
{
    await Console.Error.WriteLineAsync($"workbench-kernel: {error}\n{FrontOptions.Usage}");
    return 2;
}
ConnectionInfo connection;
try
{
    connection = ConnectionInfo.Read(options.ConnectionFile!);
}
catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"workbench-kernel: cannot use connection file {options.ConnectionFile}: {e.Message}");
    return 2;
}
// The kernel's temporary files (its copy of the view, its workers' directories) go with it: at shutdown, at SIGTERM,
// and, when it was killed, at the next kernel's start (which removes every gone kernel's).
Workbench.Kernel.Front.Sandbox.KernelFiles.Open(log);
AppDomain.CurrentDomain.ProcessExit += (_, _) => Workbench.Kernel.Front.Sandbox.KernelFiles.DisposeCurrent();
try
{
    await using IKernelBackend backend = new WorkerBackend(options.Sandbox(), ProjectAccess.Create(options, log), log);
    return await KernelHost.RunAsync(connection, backend, log, TimeProvider.System);
}
finally
{
    Workbench.Kernel.Front.Sandbox.KernelFiles.DisposeCurrent();
}
