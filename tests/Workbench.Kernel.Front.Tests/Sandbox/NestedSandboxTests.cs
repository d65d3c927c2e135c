using System.Diagnostics;
using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// The workbench runs Jupyter, and so this front, inside a bubblewrap sandbox of its own as an unprivileged uid, with
/// the host's network (the kernel's ports are on loopback). There the front is not root and cannot make a control
/// group: it still starts its worker (in a user namespace, with prlimit's task limit) and says so, and the worker is as
/// confined as ever.
/// </summary>
public sealed class NestedSandboxTests
{
    private const int OuterUid = 4242;

    private static string[] Outer(string directory)
    {
        var work = Directory.CreateDirectory(Path.Combine(directory, "work")).FullName;
        using (var chown = Process.Start("/bin/chown", [$"{OuterUid}:{OuterUid}", work]))
        {
            chown.WaitForExit();
            Assert.Equal(0, chown.ExitCode);
        }
        return
        [
            "/usr/bin/setpriv", $"--reuid={OuterUid}", $"--regid={OuterUid}", "--clear-groups", "--inh-caps=-all", "--",
            "/usr/bin/bwrap", "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--bind", directory, directory,
            "--setenv", "HOME", "/tmp", "--",
        ];
    }

    [Fact]
    public async Task Front_InAnOuterSandboxAsAnUnprivilegedUid_StartsItsConfinedWorkerWithoutAControlGroup()
    {
        using var kernel = new KernelProcess(Outer, sandboxed: true);
        await kernel.WaitForLogAsync("listening on 127.0.0.1", SandboxedKernelFixture.Cell);
        using var client = new TestClient(kernel);
        client.WaitForIoPub(SandboxedKernelFixture.Cell);
        await kernel.WaitForLogAsync("worker ready: sandboxed worker: bubblewrap", SandboxedKernelFixture.Cell);

        var cell = client.Execute("6 * 7", SandboxedKernelFixture.Cell);
        var nested = client.Execute(SyscallEscapeTests.Call(272, 0x10000000), SandboxedKernelFixture.Cell);
        var network = client.Execute($"new System.Net.Sockets.TcpClient().Connect(\"127.0.0.1\", {kernel.ShellPort});", SandboxedKernelFixture.Cell);
        var written = client.Execute($"System.IO.File.WriteAllText(\"{Path.Combine(kernel.WorkDirectory, "out.txt")}\", \"kept\");", SandboxedKernelFixture.Cell);

        Assert.Contains("uid 65534 in a user namespace", kernel.Log, StringComparison.Ordinal);
        Assert.Contains("no nested user namespaces", kernel.Log, StringComparison.Ordinal);
        Assert.Contains("processes per uid (prlimit; no control group:", kernel.Log, StringComparison.Ordinal);
        Assert.Equal("42", cell.Result);
        Assert.Equal("errno 1", nested.Result);
        Assert.Equal("SocketException", network.ErrorName);
        Assert.Equal("ok", written.Status);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(kernel.WorkDirectory, "out.txt")));
    }
}
