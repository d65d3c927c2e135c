namespace Workbench.Kernel.Front.Sandbox;

/// <summary>
/// How the worker is confined. <see cref="Unsandboxed"/> (the front's <c>--unsandboxed-development</c>) runs it as a
/// plain child process, for development machines only.
/// </summary>
internal sealed record SandboxOptions(string WorkDirectory, bool Unsandboxed = false)
{
    /// <summary>
    /// The unprivileged uid (and gid) the worker runs as when the front runs as root: the kernel's own, leased by
    /// <see cref="Workers.WorkerBackend"/> from <see cref="SandboxUids"/>; nobody until then. Without root it is the uid
    /// inside the worker's user namespace (the front's own uid on the host).
    /// </summary>
    public int Uid { get; init; } = 65534;

    /// <summary>
    /// false starts the worker with a seccomp filter that allows sockets of every family. Only a test sets it, to show
    /// that the network namespace holds by itself; no command-line option or setting of the front reaches it.
    /// </summary>
    internal bool SeccompNetworkRules { get; init; } = true;

    /// <summary>
    /// false starts the worker without its seccomp filter at all (its <c>--no-lockdown</c>) but in the full bubblewrap
    /// sandbox. Only a test sets it, to show what bubblewrap holds by itself (no nested user namespace); never reachable
    /// from the front's command line.
    /// </summary>
    internal bool Seccomp { get; init; } = true;

    /// <summary>Memory of the worker's control group, all of its memory included.</summary>
    public long MemoryLimitBytes { get; init; } = 4L << 30;

    /// <summary>The .NET GC heap limit inside the worker: a runaway allocation fails with OutOfMemoryException first.</summary>
    public long HeapLimitBytes { get; init; } = 3L << 30;

    /// <summary>
    /// CPU of the worker's control group, in cores (decimal: 0.5 is half a core's time). Two by default: a busy cell
    /// cannot take a shared server's every core, and a notebook on a laptop still gets parallel work done.
    /// </summary>
    public double CpuLimitCores { get; init; } = DefaultCpuLimitCores;

    public const double DefaultCpuLimitCores = 2;

    /// <summary>Tasks (processes and threads) of the worker's control group.</summary>
    public int PidsLimit { get; init; } = 256;

    /// <summary>How long a worker may take to start, warm up and lock itself down.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
