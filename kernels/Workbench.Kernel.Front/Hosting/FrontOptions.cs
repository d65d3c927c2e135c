namespace Workbench.Kernel.Front.Hosting;

/// <summary>The front's command line.</summary>
/// <remarks>The work directory defaults to <c>work/</c> in the directory Jupyter starts the kernel in (the notebook's).</remarks>
internal sealed record FrontOptions(string? ConnectionFile, bool UnsandboxedDevelopment, string WorkDirectory, string? Error)
{
    public const string Usage = "usage: Workbench.Kernel.Front --connection-file FILE [--work-dir DIR] [--memory-limit-mb N] [--heap-limit-mb N] [--cpu-limit CORES] "
        + "[--server URL --project ID [--token-file FILE]] [--unsandboxed-development]";

    /// <summary>The workbench server, project and token file from the command line (see <see cref="Project.ProjectBinding"/>).</summary>
    public string? Server { get; private init; }

    public string? ProjectId { get; private init; }

    public string? TokenFile { get; private init; }

    public long? MemoryLimitMb { get; private init; }

    public long? HeapLimitMb { get; private init; }

    /// <summary>The worker's CPU limit in cores (<c>--cpu-limit 1.5</c>); default <see cref="Sandbox.SandboxOptions.DefaultCpuLimitCores"/>.</summary>
    public double? CpuLimitCores { get; private init; }

    public Sandbox.SandboxOptions Sandbox()
    {
        var options = new Sandbox.SandboxOptions(WorkDirectory, UnsandboxedDevelopment);
        if (MemoryLimitMb is { } memory) options = options with { MemoryLimitBytes = memory << 20 };
        if (HeapLimitMb is { } heap) options = options with { HeapLimitBytes = heap << 20 };
        if (CpuLimitCores is { } cpu) options = options with { CpuLimitCores = cpu };
        return options;
    }

    public static FrontOptions Parse(IReadOnlyList<string> args)
    {
        string? file = null;
        var unsandboxed = false;
        var work = Path.Combine(Directory.GetCurrentDirectory(), "work");
        long? memory = null, heap = null;
        string? server = null, project = null, tokenFile = null;
        double? cpu = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection-file" or "-f" when i + 1 < args.Count: file = args[++i]; break;
                case "--work-dir" when i + 1 < args.Count: work = Path.GetFullPath(args[++i]); break;
                case "--unsandboxed-development": unsandboxed = true; break;
                case "--server" when i + 1 < args.Count: server = args[++i]; break;
                case "--project" when i + 1 < args.Count: project = args[++i]; break;
                case "--token-file" when i + 1 < args.Count: tokenFile = Path.GetFullPath(args[++i]); break;
                case "--memory-limit-mb" when i + 1 < args.Count && long.TryParse(args[i + 1], out var m) && m > 0: memory = m; i++; break;
                case "--heap-limit-mb" when i + 1 < args.Count && long.TryParse(args[i + 1], out var h) && h > 0: heap = h; i++; break;
                case "--cpu-limit" when i + 1 < args.Count:
                    if (!double.TryParse(args[++i], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var c) || c < 0.01 || c > 1024)
                        return new FrontOptions(null, false, work, $"--cpu-limit must be a number of cores from 0.01 to 1024 (such as 1.5), not '{args[i]}'");
                    cpu = c;
                    break;
                default: return new FrontOptions(null, false, work, $"unknown argument '{args[i]}'");
            }
        }
        return file is null
            ? new FrontOptions(null, false, work, "no connection file")
            : new FrontOptions(file, unsandboxed, work, null)
            {
                MemoryLimitMb = memory, HeapLimitMb = heap, CpuLimitCores = cpu, Server = server, ProjectId = project, TokenFile = tokenFile,
            };
    }
}
