using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>
/// The command that starts a worker inside bubblewrap: every namespace unshared (so no network at all, not even
/// loopback), an unprivileged uid, the runtime and the kernel's files read-only, a private /tmp, the front's socket
/// directory and exactly one writable work directory, nothing else of the host; memory, task and CPU limits from a control
/// group (or, without one, a task limit from prlimit) and the GC heap limit. The worker adds its own seccomp filter.
/// </summary>
internal static class SandboxLauncher
{
    public const string KernelMount = "/opt/workbench/kernel";
    public const string SocketMount = "/run/workbench";
    public const string SocketName = "worker.sock";
    public const string ProjectMount = "/project";
    public const string ViewName = "view.duckdb";
    private const string Bwrap = "/usr/bin/bwrap";
    private const string Setpriv = "/usr/bin/setpriv";
    private const string Prlimit = "/usr/bin/prlimit";

    // Joins the control groups named before "--", then becomes the rest of the command line.
    private const string JoinGroups = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 97; shift; done; shift; exec \"$@\"";

    /// <remarks><paramref name="directory"/> is the worker's private directory (0700, the front's): the socket's
    /// directory and the project's are made inside it, so that nothing the worker can write is on the way to what the
    /// front writes.</remarks>
    public static WorkerLaunch Prepare(SandboxOptions options, string kernelDirectory, string directory, string name)
    {
        var workerDll = Path.Combine(kernelDirectory, "Workbench.Kernel.Worker.dll");
        if (!File.Exists(workerDll)) throw new SandboxUnavailableException($"the worker {workerDll} is missing");
        var dotnet = DotnetHost();
        if (options.Unsandboxed) return Unsandboxed(dotnet, workerDll, Path.Combine(directory, SocketName));
        var socketDirectory = Directory.CreateDirectory(Path.Combine(directory, "socket")).FullName;
        File.SetUnixFileMode(socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var socketPath = Path.Combine(socketDirectory, SocketName);

        if (!File.Exists(Bwrap)) throw new SandboxUnavailableException("bubblewrap is not installed (/usr/bin/bwrap; Debian package bubblewrap)");
        var root = Posix.IsRoot;
        if (root && !File.Exists(Setpriv)) throw new SandboxUnavailableException("setpriv is missing (/usr/bin/setpriv; Debian package util-linux)");
        Directory.CreateDirectory(options.WorkDirectory);
        // The project's view is linked in here when a cell opens the project; the front owns it, the worker only reads.
        var projectDirectory = Directory.CreateDirectory(Path.Combine(directory, "project")).FullName;
        File.SetUnixFileMode(projectDirectory, (UnixFileMode)0b111_101_000);
        if (root)
        {
            // bwrap runs as the kernel's own uid: its group may pass through the private directory and read the
            // project's, no other uid (another kernel's included) may enter either.
            Posix.Chown(directory, 0, options.Uid);
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
            Posix.Chown(projectDirectory, 0, options.Uid);
            Posix.Chown(socketDirectory, options.Uid, options.Uid);
            Posix.Lchown(options.WorkDirectory, options.Uid, options.Uid);
            File.SetUnixFileMode(options.WorkDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var command = new List<string>();
        ControlGroup? group = null;
        string limits;
        try
        {
            group = ControlGroup.Create(name, options.MemoryLimitBytes, options.PidsLimit, options.CpuLimitCores);
            command.AddRange(["/bin/sh", "-c", JoinGroups, "sh", .. group.ProcsFiles, "--"]);
            limits = group.Description;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            if (!File.Exists(Prlimit)) throw new SandboxUnavailableException($"no control group ({e.Message}) and no prlimit for a task limit", e);
            command.AddRange([Prlimit, $"--nproc={options.PidsLimit}:{options.PidsLimit}", "--"]);
            limits = $"{options.PidsLimit} processes per uid (prlimit; no control group: {e.Message})";
        }
        var uid = options.Uid.ToString(CultureInfo.InvariantCulture);
        if (root) command.AddRange([Setpriv, $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--"]);
        command.AddRange([Bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "workbench"]);
        // bwrap is never run as root (setpriv above), so it always makes a user namespace; --disable-userns (bubblewrap
        // 0.8) sets its max_user_namespaces to 1 from a namespace the worker cannot leave, so no nested one can be
        // made. The seccomp filter refuses unshare, setns and clone with namespace flags as well.
        command.AddRange(["--unshare-user", "--uid", uid, "--gid", uid]);
        var noNestedNamespaces = DisableUserNamespacesSupported.Value;
        if (noNestedNamespaces) command.Add("--disable-userns");
        command.AddRange(["--ro-bind", "/usr", "/usr"]);
        foreach (var top in new[] { "bin", "lib", "lib64", "sbin" })
        {
            var info = new FileInfo("/" + top);
            if (info.LinkTarget is { } target) command.AddRange(["--symlink", target, "/" + top]);
            else if (Directory.Exists("/" + top)) command.AddRange(["--ro-bind", "/" + top, "/" + top]);
        }
        var dotnetRoot = Path.GetDirectoryName(Path.GetFullPath(new FileInfo(dotnet).ResolveLinkTarget(true)?.FullName ?? dotnet))!;
        if (!dotnetRoot.StartsWith("/usr/", StringComparison.Ordinal)) command.AddRange(["--ro-bind", dotnetRoot, dotnetRoot]);
        command.AddRange([
            "--ro-bind", kernelDirectory, KernelMount,
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
            "--bind", socketDirectory, SocketMount,
            "--ro-bind", projectDirectory, ProjectMount,
            "--bind", options.WorkDirectory, options.WorkDirectory, "--chdir", options.WorkDirectory,
            "--clearenv", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp", "--setenv", "LANG", "C.UTF-8",
            "--setenv", "DOTNET_GCHeapHardLimit", "0x" + options.HeapLimitBytes.ToString("x", CultureInfo.InvariantCulture),
            "--setenv", "DOTNET_CLI_TELEMETRY_OPTOUT", "1", "--setenv", "DOTNET_NOLOGO", "1",
            "--", dotnet, $"{KernelMount}/Workbench.Kernel.Worker.dll", "--socket", $"{SocketMount}/{SocketName}",
        ]);
        if (!options.SeccompNetworkRules) command.Add("--test-only-seccomp-without-network-rules");
        if (!options.Seccomp) command.Add("--no-lockdown");
        var start = new ProcessStartInfo(command[0]);
        foreach (var arg in command.Skip(1)) start.ArgumentList.Add(arg);
        var isolation = $"sandboxed worker: bubblewrap (no network, {(root ? $"the kernel's own uid {uid}" : $"uid {uid} in a user namespace")}, "
            + $"{(noNestedNamespaces ? "no nested user namespaces" : "nested user namespaces refused by seccomp only (bubblewrap older than 0.8)")}, read-only runtime, private /tmp, "
            + $"writable {options.WorkDirectory} only, the project's view read-only), seccomp (no process execution), {limits}, GC heap {options.HeapLimitBytes >> 20} MiB";
        return new WorkerLaunch(Redirected(start), socketPath, group, isolation) { ProjectDirectory = projectDirectory };
    }

    /// <summary>Whether the installed bubblewrap has <c>--disable-userns</c> (0.8 and later).</summary>
    private static readonly Lazy<bool> DisableUserNamespacesSupported = new(() =>
    {
        try
        {
            using var version = Process.Start(new ProcessStartInfo(Bwrap, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = version.StandardOutput.ReadToEnd();
            version.WaitForExit();
            var number = text.Replace("bubblewrap", "", StringComparison.Ordinal).Trim().Split('.');
            return number.Length >= 2 && int.TryParse(number[0], CultureInfo.InvariantCulture, out var major) && int.TryParse(number[1], CultureInfo.InvariantCulture, out var minor)
                && (major > 0 || minor >= 8);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    private static WorkerLaunch Unsandboxed(string dotnet, string workerDll, string socketPath)
    {
        var plain = new ProcessStartInfo(dotnet);
        foreach (var arg in new[] { workerDll, "--socket", socketPath, "--no-lockdown" }) plain.ArgumentList.Add(arg);
        return new WorkerLaunch(Redirected(plain), socketPath, null,
            "UNSANDBOXED development mode: cells run in a worker process with the user's rights, network and files.");
    }

    private static ProcessStartInfo Redirected(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = true;
        return start;
    }

    // The running runtime is <root>/shared/Microsoft.NETCore.App/<version>/; its host is <root>/dotnet.
    private static string DotnetHost()
    {
        var host = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        return File.Exists(host) ? host : throw new SandboxUnavailableException($"the dotnet host is not at {host}");
    }
}
