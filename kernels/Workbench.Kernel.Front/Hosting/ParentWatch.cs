using System.Globalization;
using System.Runtime.InteropServices;

namespace Workbench.Kernel.Front.Hosting;

/// <summary>
/// Ends the kernel when the Jupyter client that started it is gone (killed with SIGKILL, crashed), as ipykernel's
/// parent poller does: otherwise the front, its worker and their memory would linger for ever. The watched process is
/// <c>JPY_PARENT_PID</c> (jupyter_client sets it to its own pid) or else the parent at start; it is gone when its
/// /proc entry is (or has become another process with the same pid: the start time differs, or it is a zombie), and
/// the original parent is also gone when this process has been handed to another parent.
/// </summary>
internal sealed partial class ParentWatch
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly int pid;
    private readonly string? startTime;
    private readonly int parentAtStart;

    private ParentWatch(int pid, int parentAtStart)
    {
        this.pid = pid;
        this.parentAtStart = parentAtStart;
        startTime = StartTime(pid);
    }

    /// <summary>The process watched, for the log.</summary>
    public int Pid => pid;

    /// <summary>What to watch, or null when there is nothing to (started by init, or a parent already gone).</summary>
    public static ParentWatch? ForThisProcess(string? jupyterParentPid)
    {
        var parent = GetPpid();
        var watched = int.TryParse(jupyterParentPid, NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given > 1 ? given : parent;
        if (watched <= 1) return null;
        var watch = new ParentWatch(watched, parent);
        return watch.startTime is null ? null : watch;
    }

    public bool IsGone() =>
        (pid == parentAtStart && GetPpid() != parentAtStart) || StartTime(pid) is not { } now || now != startTime;

    /// <summary>Completes when the watched process is gone (cancelled when the kernel stops first).</summary>
    public async Task WaitUntilGoneAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (!IsGone()) await timer.WaitForNextTickAsync(cancellationToken);
    }

    // Field 22 of /proc/PID/stat (after the command in parentheses), the start time in clock ticks; null when the
    // process is gone or a zombie (state Z or X).
    private static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is "Z" or "X" ? null : fields[19];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetPpid();
}
