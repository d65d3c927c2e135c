using System.Net.Sockets;
using Workbench.Kernel.Worker;
using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Lockdown;
using Workbench.Kernel.Worker.Protocol;

// The worker: Workbench.Kernel.Worker --socket PATH [--no-lockdown]
// (--test-only-seccomp-without-network-rules: the front passes it only for a test that proves the network namespace
// holds by itself; nothing a kernel user sets reaches it.)
// Started by the front (inside the sandbox), it connects to the front's socket, warms up the C# session, locks itself
// down and only then says it is ready. It never listens on anything.
var phases = new StartupPhases();
var runtimeStart = StartupPhases.SinceProcessStart();
string? socketPath = null;
var lockdown = true;
var networkRules = true;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--socket" && i + 1 < args.Length) socketPath = args[++i];
    else if (args[i] == "--no-lockdown") lockdown = false;
    else if (args[i] == "--test-only-seccomp-without-network-rules") networkRules = false;
    else
    {
        await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'; usage: Workbench.Kernel.Worker --socket PATH [--no-lockdown]");
        return 2;
    }
}
if (socketPath is null)
{
    await Console.Error.WriteLineAsync("no --socket PATH: the worker talks to its front only");
    return 2;
}

using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
await using var channel = new MessageChannel(new NetworkStream(socket, ownsSocket: false));
phases.Done("connect");
using var session = new CSharpSession(phases);
phases.Done("session");
await session.WarmUpAsync(phases);

string description;
if (lockdown)
{
    try
    {
        Seccomp.Install(networkRules);
    }
    catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException or DllNotFoundException or EntryPointNotFoundException)
    {
        WorkerLog.Write($"lockdown failed: {e.Message}");
        return 3;
    }
    description = "seccomp: no process execution, no namespaces, mounts, bpf, perf, ptrace, io_uring, key rings or modules"
        + (networkRules ? ", Unix sockets only" : ", SOCKETS OF EVERY FAMILY (test only)");
}
else
{
    description = "no lockdown (development)";
}
phases.Done("lockdown");
WorkerLog.Write(phases.Summary(runtimeStart));
await channel.SendAsync(new WorkerReady(0, description));
await new WorkerHost(channel, session).ServeAsync(CancellationToken.None);
return 0;
