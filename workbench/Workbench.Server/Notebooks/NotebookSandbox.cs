using System.Diagnostics;
using System.Globalization;

namespace Workbench.Server.Notebooks;

/// <summary>
/// How a notebook server (and everything it starts: its kernels' fronts and, nested, their workers) runs: in bubblewrap
/// with its own mount, IPC and UTS namespaces (the host's PIDs: see below), seeing only /usr, the parts of /etc a program needs, the dotnet
/// runtime, the kernel front and the workbench's Python module read-only, its own work area, /proc, /dev and a private
/// /tmp inside that work area. The data directory, the store, the pseudonym key, the user database and every other work
/// area are simply not there. The network namespace is shared: the proxy reaches Jupyter on loopback, and the kernel
/// front reaches the workbench. When the workbench runs as root, Jupyter runs as the work area's own unprivileged uid
/// (setpriv, no capabilities, no new privileges); otherwise bubblewrap's user namespace maps the service account to
/// nobody inside.
/// </summary>
internal sealed record NotebookSandbox(NotebookWorkArea Area, int? Uid, string FrontDirectory, string PythonDirectory, string DotnetRoot)
{
    /// <summary>Where the work area is inside the sandbox.</summary>
    public const string AreaMount = "/workbench/area";
    public const string FrontMount = "/opt/workbench/kernel-front";
    public const string PythonMount = "/opt/workbench/notebook-python";
    private const string Bwrap = "/usr/bin/bwrap";
    private const string Setpriv = "/usr/bin/setpriv";
    private const int Nobody = 65534;

    // What programs in the sandbox read from /etc: name lookups, the dynamic linker, time zone, MIME types, the
    // alternatives /usr/bin links through, Jupyter's system configuration, and the OS identity .NET reads.
    private static readonly string[] Etc =
    [
        "passwd", "group", "nsswitch.conf", "hosts", "host.conf", "localtime", "ld.so.cache", "ld.so.conf", "ld.so.conf.d",
        "mime.types", "alternatives", "jupyter", "ssl", "ca-certificates", "os-release",
    ];

    /// <summary>The work area as the programs inside see it.</summary>
    public static NotebookWorkArea Inside => NotebookWorkArea.MountedAt(AreaMount);

    /// <summary>Runs <paramref name="command"/> (a program and its arguments, paths as seen inside) in this sandbox.</summary>
    /// <exception cref="Errors.UnavailableException">bubblewrap or setpriv is missing.</exception>
    public ProcessStartInfo StartInfo(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(Bwrap)) throw new Errors.UnavailableException("bubblewrap is not installed (/usr/bin/bwrap; Debian package bubblewrap): notebook servers run only in its sandbox");
        if (Uid is not null && !File.Exists(Setpriv)) throw new Errors.UnavailableException("setpriv is missing (/usr/bin/setpriv; Debian package util-linux)");
        var args = new List<string>
        {
            // No PID namespace of its own: the /proc below is the host's, and its process ids must be the ones the programs
            // inside get (the kernel front's worker sandbox, bwrap --disable-userns, opens /proc/<its pid>/ns/...).
            "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session",
            "--hostname", "workbench-notebook",
        };
        if (Uid is null)
        {
            var nobody = Nobody.ToString(CultureInfo.InvariantCulture);
            args.AddRange(["--unshare-user", "--uid", nobody, "--gid", nobody]);
        }
        args.AddRange(["--ro-bind", "/usr", "/usr"]);
        foreach (var top in new[] { "bin", "lib", "lib64", "sbin" })
        {
            var info = new FileInfo("/" + top);
            if (info.LinkTarget is { } target) args.AddRange(["--symlink", target, "/" + top]);
            else if (Directory.Exists("/" + top)) args.AddRange(["--ro-bind", "/" + top, "/" + top]);
        }
        foreach (var name in Etc) args.AddRange(["--ro-bind-try", "/etc/" + name, "/etc/" + name]);
        if (!DotnetRoot.StartsWith("/usr/", StringComparison.Ordinal)) args.AddRange([.. Parents(DotnetRoot), "--ro-bind", DotnetRoot, DotnetRoot]);
        args.AddRange([.. Parents(FrontMount), .. Parents(PythonMount), .. Parents(AreaMount)]);
        args.AddRange([
            "--ro-bind", FrontDirectory, FrontMount,
            "--ro-bind", PythonDirectory, PythonMount,
            // The host's /proc, not a new one: bubblewrap's fresh /proc has read-only overmounts (/proc/sys, …) that become
            // locked in the kernel front's nested user namespace, and the kernel then refuses its worker sandbox a /proc.
            // Other accounts' files under /proc stay unreadable by their modes.
            "--bind", "/proc", "/proc", "--dev", "/dev",
            "--bind", Area.Root, AreaMount,
            "--bind", Area.Tmp, "/tmp",
            "--chdir", Inside.Notebooks,
            "--clearenv",
        ]);
        foreach (var (name, value) in environment) args.AddRange(["--setenv", name, value]);
        args.Add("--");
        if (Uid is { } uid)
        {
            var id = uid.ToString(CultureInfo.InvariantCulture);
            args.AddRange([Setpriv, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]);
        }
        args.AddRange(command);
        var start = new ProcessStartInfo(Bwrap)
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        return start;
    }

    /// <summary>The directories above a mount point, made traversable (bubblewrap would make them root's 0700).</summary>
    private static IEnumerable<string> Parents(string path)
    {
        var parent = Path.GetDirectoryName(path);
        var parents = new List<string>();
        for (; parent is { Length: > 1 }; parent = Path.GetDirectoryName(parent)) parents.Insert(0, parent);
        return parents.SelectMany(p => (string[])["--perms", "0755", "--dir", p]);
    }

    /// <summary>The effective uid of this process (from <c>/proc/self/status</c>).</summary>
    public static int EffectiveUid()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
    }
}
