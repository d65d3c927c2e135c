using System.Net;
using System.Net.Sockets;
using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Project;
using Workbench.Kernel.Front.Sandbox;
using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Workers;
using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// Each wall of the sandbox holds by itself. The escape tests pass with every wall up, so they cannot tell which one
/// stopped an attempt; here the worker runs in the real bubblewrap sandbox with (part of) its seccomp filter off,
/// through <see cref="SandboxOptions"/> properties only a test can set (no option of the front reaches them).
/// </summary>
public sealed class SandboxLayerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("workbench-layers-").FullName;
    private readonly StringWriter log = new();

    public SandboxLayerTests() => File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    private sealed class Sink : IExecutionSink
    {
        public void Stream(StreamName name, string text) { }

        public void Display(MimeBundle bundle, bool update) { }

        public Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken) => throw new InvalidOperationException("no input");
    }

    private async Task<WorkerProcess> StartAsync(SandboxOptions options) =>
        await WorkerProcess.StartAsync(options, new UnboundProject("no project in this test"), new KernelLog(TextWriter.Synchronized(log), TimeProvider.System),
            CancellationToken.None, Path.GetDirectoryName(KernelFront.Dll));

    private static async Task<string> RunAsync(WorkerProcess worker, string code)
    {
        var outcome = await worker.ExecuteAsync(code, new Sink());
        return outcome.Error is { } error ? $"{error.Name}: {error.Value}" : outcome.Result?.Plain ?? "";
    }

    // The socket error of a statement, or "done".
    private static string Attempt(string statement) =>
        "Func<string> attempt = () => { try { " + statement + " return \"done\"; } catch (System.Net.Sockets.SocketException e) { return e.SocketErrorCode.ToString(); } };\nattempt()";

    [Fact]
    public async Task NetworkNamespace_SeccompNetworkRulesOff_OnlyLoopbackAndNoRouteToTheHost()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var worker = await StartAsync(new SandboxOptions(Path.Combine(directory, "work")) { SeccompNetworkRules = false });
        Assert.Contains("SOCKETS OF EVERY FAMILY (test only)", worker.Lockdown, StringComparison.Ordinal);

        var interfaces = await RunAsync(worker, "string.Join(\",\", System.IO.File.ReadAllLines(\"/proc/net/dev\").Skip(2).Select(l => l.Split(':')[0].Trim()))");
        // The filter is off: an internet socket can be made at all, so what stops the connection is the namespace.
        var socket = await RunAsync(worker, "using (var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)) { } \"made\"");
        var connect = await RunAsync(worker, Attempt($"new System.Net.Sockets.TcpClient().Connect(\"127.0.0.1\", {port});"));
        var outside = await RunAsync(worker, Attempt("new System.Net.Sockets.TcpClient().Connect(\"1.1.1.1\", 443);"));
        var udp = await RunAsync(worker, Attempt("new System.Net.Sockets.UdpClient().Send(new byte[] { 1 }, 1, \"10.0.0.1\", 53);"));

        Assert.Equal("lo", interfaces);
        Assert.Equal("made", socket);
        Assert.True(connect is "ConnectionRefused" or "NetworkUnreachable", connect);
        Assert.Equal("NetworkUnreachable", outside);
        Assert.Equal("NetworkUnreachable", udp);
        Assert.False(listener.Pending(), "the host's listener got a connection from the sandbox");
    }

    [Fact]
    public async Task UserNamespace_SeccompOff_BubblewrapRefusesANestedOne()
    {
        await using var worker = await StartAsync(new SandboxOptions(Path.Combine(directory, "work")) { Seccomp = false });
        Assert.Equal("no lockdown (development)", worker.Lockdown);
        Assert.Contains("no nested user namespaces", worker.Isolation, StringComparison.Ordinal);

        // unshare(CLONE_NEWUSER) answers EINVAL in any multithreaded process, so a cell tries clone(CLONE_NEWUSER |
        // SIGCHLD), a fork into a new user namespace: ENOSPC (28) from bubblewrap's --disable-userns (it set the limit of user
        // namespaces to 1 in a namespace above the sandbox's, where the sandbox cannot change it back). Without it the call succeeds, and the child, holding every capability in
        // a namespace of its own, exits at once.
        var clone = await RunAsync(worker, """
            class Sys { [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern long syscall(long n, long a, long b, long c, long d, long e, long f); }
            var r = Sys.syscall(56, 0x10000000 | 17, 0, 0, 0, 0, 0);
            if (r == 0) Sys.syscall(60, 0, 0, 0, 0, 0, 0);
            r == -1 ? "errno " + System.Runtime.InteropServices.Marshal.GetLastPInvokeError() : "returned " + r
            """);

        Assert.Equal("errno 28", clone);
    }
}
