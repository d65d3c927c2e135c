namespace Workbench.Server.Notebooks;

/// <summary>
/// The notebook servers the workbench runs for its data scientists (section <c>Notebooks</c>): one Jupyter Notebook
/// server per user and project, on loopback, reachable only through the workbench.
/// </summary>
public sealed class NotebookOptions
{
    public const string Section = "Notebooks";

    /// <summary>The Jupyter Notebook program (Debian package <c>jupyter-notebook</c>).</summary>
    public string Jupyter { get; set; } = "/usr/bin/jupyter-notebook";

    /// <summary>The kernel's front process; default: the one built with the server.</summary>
    public string? KernelFront { get; set; }

    /// <summary>The example notebooks copied into a new work area; default: the repository's <c>notebooks/</c>.</summary>
    public string? Examples { get; set; }

    /// <summary>Where users' work areas live; default <c>notebooks/</c> in the data directory.</summary>
    public string? Directory { get; set; }

    /// <summary>A server without a request for this long is stopped; its notebooks stay.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How often idle servers and servers whose user lost access are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxPerUser { get; set; } = 2;

    public int MaxTotal { get; set; } = 20;

    /// <summary>How long a notebook server may take to answer after it was started.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The address the kernels use to reach this server (their project's view, output submission); default: the
    /// server's first loopback address.
    /// </summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>Extra arguments for the kernel front (limits; <c>--unsandboxed-development</c> on a development machine only).</summary>
    public List<string> KernelArguments { get; } = [];

    /// <summary>
    /// When the workbench runs as root: each work area gets its own uid from this range (kept in the area), and its
    /// notebook server runs as that uid. Outside the range of real accounts and of nobody (65534).
    /// </summary>
    public int FirstUid { get; set; } = 1_100_000_000;

    public int UidCount { get; set; } = 1_000_000;

    internal static bool IsValid(NotebookOptions o) =>
        o.FirstUid >= 100_000 && o.UidCount > 0 && (long)o.FirstUid + o.UidCount <= int.MaxValue && !(o.FirstUid <= 65534 && 65534 < o.FirstUid + o.UidCount)
        && o.IdleTimeout > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero && o.MaxPerUser > 0 && o.MaxTotal >= o.MaxPerUser && o.StartTimeout > TimeSpan.Zero;
}
