using System.Text.RegularExpressions;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>
/// The cells of this kernel session for history_request: tail, range and search (glob patterns with * and ?, as
/// IPython's). Kept in memory only: nothing about a session's code is written outside the sandbox.
/// </summary>
internal sealed class ExecutionHistory
{
    /// <summary>The session number of every entry: this kernel keeps one session.</summary>
    public const int Session = 1;

    private readonly List<Entry> entries = [];
    private readonly Lock gate = new();

    public sealed record Entry(int Line, string Input, string? Output);

    public void Add(int line, string input, string? output)
    {
        lock (gate) entries.Add(new Entry(line, input, output));
    }

    public IReadOnlyList<Entry> Tail(int? n)
    {
        lock (gate) return n is { } count ? entries.TakeLast(Math.Max(count, 0)).ToList() : entries.ToList();
    }

    /// <summary>Lines <paramref name="start"/> up to (not including) <paramref name="stop"/>; no stop means to the end.</summary>
    public IReadOnlyList<Entry> Range(int? start, int? stop)
    {
        lock (gate) return entries.Where(e => e.Line >= (start ?? 0) && (stop is null || e.Line < stop)).ToList();
    }

    public IReadOnlyList<Entry> Search(string pattern, int? n, bool unique)
    {
        var glob = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.Singleline);
        List<Entry> found;
        lock (gate) found = entries.Where(e => glob.IsMatch(e.Input)).ToList();
        if (unique) found = found.GroupBy(e => e.Input, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(e => e.Line).ToList();
        return n is { } count ? found.TakeLast(Math.Max(count, 0)).ToList() : found;
    }
}
