using System.Globalization;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>
/// A memory, pids and CPU control group for one worker, below the front's own groups (cgroup v2, or v1's memory, pids
/// and cpu hierarchies). The launcher moves the worker in before it starts; the group is removed when the worker is gone.
/// The CPU limit is a CFS bandwidth quota: <c>cores</c> × the period of CPU time per period, so a busy cell gets at most
/// that many cores' worth of time and the machine's other kernels keep theirs.
/// </summary>
internal sealed class ControlGroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";
    private readonly List<string> directories;

    private ControlGroup(List<string> directories, string description)
    {
        this.directories = directories;
        Description = description;
    }

    /// <summary>The files a process writes its pid to in order to join.</summary>
    public IReadOnlyList<string> ProcsFiles => directories.Select(d => Path.Combine(d, "cgroup.procs")).ToList();

    public string Description { get; }

    /// <summary>Creates the group, or throws <see cref="IOException"/>/<see cref="UnauthorizedAccessException"/> with the reason.</summary>
    public static ControlGroup Create(string name, long memoryBytes, int pids, double cpuCores)
    {
        var memory = memoryBytes.ToString(CultureInfo.InvariantCulture);
        var tasks = pids.ToString(CultureInfo.InvariantCulture);
        var quota = CpuQuotaMicroseconds(cpuCores).ToString(CultureInfo.InvariantCulture);
        var period = CpuPeriodMicroseconds.ToString(CultureInfo.InvariantCulture);
        var cpu = cpuCores.ToString("0.##", CultureInfo.InvariantCulture);
        var own = File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).Where(p => p.Length == 3).ToList();
        var created = new List<string>();
        try
        {
            if (File.Exists(Path.Combine(Root, "cgroup.controllers")))
            {
                var path = own.Single(p => p[0] == "0")[2];
                var dir = Create(created, Path.Combine(Root + path, name));
                File.WriteAllText(Path.Combine(dir, "memory.max"), memory);
                File.WriteAllText(Path.Combine(dir, "memory.swap.max"), "0");
                File.WriteAllText(Path.Combine(dir, "pids.max"), tasks);
                // cpu.max exists only when the parent delegates the cpu controller; without it there is no CPU limit to set.
                var cpuMax = Path.Combine(dir, "cpu.max");
                if (!File.Exists(cpuMax)) throw new IOException($"the cpu controller is not enabled for {dir} (no cpu.max)");
                File.WriteAllText(cpuMax, $"{quota} {period}");
                return new ControlGroup(created, $"cgroup v2 memory {memoryBytes >> 20} MiB, {pids} tasks, CPU {cpu} cores");
            }
            var memoryDir = Create(created, Path.Combine($"{Root}/memory{Own(own, "memory")}", name));
            File.WriteAllText(Path.Combine(memoryDir, "memory.limit_in_bytes"), memory);
            TryWrite(Path.Combine(memoryDir, "memory.memsw.limit_in_bytes"), memory);
            var pidsDir = Create(created, Path.Combine($"{Root}/pids{Own(own, "pids")}", name));
            File.WriteAllText(Path.Combine(pidsDir, "pids.max"), tasks);
            var cpuDir = Create(created, Path.Combine($"{Root}/cpu{Own(own, "cpu")}", name));
            // The period first: a quota is checked against the period in force.
            File.WriteAllText(Path.Combine(cpuDir, "cpu.cfs_period_us"), period);
            File.WriteAllText(Path.Combine(cpuDir, "cpu.cfs_quota_us"), quota);
            return new ControlGroup(created, $"cgroup memory {memoryBytes >> 20} MiB, {pids} tasks, CPU {cpu} cores");
        }
        catch
        {
            new ControlGroup(created, "").Dispose();
            throw;
        }
    }

    /// <summary>The CFS period the quota is a share of (the kernel's default, 100 ms).</summary>
    public const int CpuPeriodMicroseconds = 100_000;

    /// <summary>CPU time per period for <paramref name="cores"/> cores; the kernel refuses quotas under 1 ms.</summary>
    public static long CpuQuotaMicroseconds(double cores) => Math.Max(1_000, (long)Math.Round(cores * CpuPeriodMicroseconds));

    private static string Own(List<string[]> own, string controller) =>
        own.FirstOrDefault(p => p[1].Split(',').Contains(controller))?[2] ?? throw new IOException($"this process is in no {controller} control group");

    private static string Create(List<string> created, string dir)
    {
        Directory.CreateDirectory(dir);
        created.Add(dir);
        return dir;
    }

    private static void TryWrite(string file, string value)
    {
        // Swap accounting may be off (no memsw files); the memory limit alone still holds.
        try { File.WriteAllText(file, value); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        foreach (var dir in Enumerable.Reverse(directories))
        {
            try { Directory.Delete(dir); }
            catch (IOException) { /* still has tasks for a moment; the kernel removes empty groups on its own only in v2 */ }
            catch (UnauthorizedAccessException) { }
        }
    }
}
