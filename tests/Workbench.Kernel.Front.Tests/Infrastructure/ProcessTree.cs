using System.Globalization;

namespace Workbench.Kernel.Front.Tests.Infrastructure;

/// <summary>The host's view of a kernel's processes, read from /proc.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Stat(pid) is not { } stat) continue;
            var parent = int.Parse(stat[1], CultureInfo.InvariantCulture);
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(pid);
        }
        var found = new List<int>();
        var todo = new Stack<int>([root]);
        while (todo.TryPop(out var pid))
            foreach (var child in children.GetValueOrDefault(pid, []))
            {
                found.Add(child);
                todo.Push(child);
            }
        return found;
    }

    /// <summary>The worker's runtime (the dotnet process running the worker, not bubblewrap around it).</summary>
    public static int? Worker(int front) =>
        Descendants(front).Cast<int?>().FirstOrDefault(pid =>
            Comm(pid!.Value) == "dotnet" && CommandLine(pid.Value).Contains("Workbench.Kernel.Worker.dll", StringComparison.Ordinal));

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { } stat && stat[0] is not ("Z" or "X");

    /// <summary>The directory of the process's control group for <paramref name="controller"/> (v1), or its v2 group.</summary>
    public static string ControlGroupDirectory(int pid, string controller)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/cgroup").Select(l => l.Split(':', 3)).ToList();
        if (File.Exists("/sys/fs/cgroup/cgroup.controllers")) return "/sys/fs/cgroup" + lines.Single(l => l[0] == "0")[2];
        var line = lines.Single(l => l[1].Split(',').Contains(controller));
        return $"/sys/fs/cgroup/{controller}{line[2]}";
    }

    private static string Comm(int pid) => Read($"/proc/{pid}/comm")?.Trim() ?? "";

    private static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ') ?? "";

    // The fields of /proc/PID/stat after the command: state, ppid, ...
    private static string[]? Stat(int pid) => Read($"/proc/{pid}/stat") is { } stat ? stat[(stat.LastIndexOf(')') + 2)..].Split(' ') : null;

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
