using System.Diagnostics;
using System.Globalization;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// How long each step of the worker's start took, from the moment the runtime entered <c>Main</c>, and the resident
/// memory after it; written as one line
/// on stderr (the front logs it) so that a slow start can be read off the kernel's log, not guessed.
/// </summary>
public sealed class StartupPhases
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<string> phases = [];
    private TimeSpan last;

    /// <summary>Time from the process's start to <c>Main</c> (runtime start and host), when /proc says it.</summary>
    public static TimeSpan? SinceProcessStart()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            return TimeProvider.System.GetLocalNow().DateTime - self.StartTime;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public void Done(string phase)
    {
        var now = clock.Elapsed;
        phases.Add(string.Create(CultureInfo.InvariantCulture, $"{phase} {(now - last).TotalMilliseconds:0} ms (RSS {Environment.WorkingSet >> 20} MiB)"));
        last = now;
    }

    public string Summary(TimeSpan? runtime) =>
        string.Create(CultureInfo.InvariantCulture,
            $"worker started in {clock.Elapsed.TotalMilliseconds:0} ms after Main{(runtime is { } r ? $" (runtime start to Main {r.TotalMilliseconds:0} ms)" : "")}: {string.Join(", ", phases)}");
}
