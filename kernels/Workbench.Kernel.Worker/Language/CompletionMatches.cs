using Microsoft.CodeAnalysis.Completion;

namespace Workbench.Kernel.Worker.Language;

/// <summary>
/// Roslyn offers every symbol and keyword in scope; Jupyter wants the names that start with the word being typed, as
/// plain text (a generic method's name without its <c>&lt;&gt;</c>), and the span of that word in code points.
/// </summary>
internal static class CompletionMatches
{
    public static Completions From(string code, int cursorUtf16, IEnumerable<CompletionItem> items)
    {
        var start = cursorUtf16;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursorUtf16];
        var matches = items
            .Select(item => new CompletionMatch(item.DisplayText, item.Tags.FirstOrDefault() ?? ""))
            .Where(m => m.Text.Length > 0 && m.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(m => m.Text, StringComparer.Ordinal)
            .OrderBy(m => !m.Text.StartsWith(prefix, StringComparison.Ordinal))
            .ThenBy(m => m.Text, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Completions(matches, CodePoints.FromUtf16Index(code, start), CodePoints.FromUtf16Index(code, cursorUtf16));
    }
}
