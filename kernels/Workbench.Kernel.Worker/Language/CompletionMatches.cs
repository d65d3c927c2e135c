using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Events;

namespace Workbench.Kernel.Worker.Language;

/// <summary>
/// Roslyn offers every member in scope with editor snippets (<c>WriteLine($1)</c>); Jupyter wants the names that
/// start with the word being typed, as plain text, and the span of that word in code points.
/// </summary>
internal static partial class CompletionMatches
{
    public static Completions From(string code, int cursorUtf16, IEnumerable<CompletionItem> items)
    {
        var start = cursorUtf16;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursorUtf16];
        var matches = items
            .Select(item => new CompletionMatch(PlainText(item), item.Kind ?? ""))
            .Where(m => m.Text.Length > 0 && m.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(m => m.Text, StringComparer.Ordinal)
            .OrderBy(m => !m.Text.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        return new Completions(matches, CodePoints.FromUtf16Index(code, start), CodePoints.FromUtf16Index(code, cursorUtf16));
    }

    private static string PlainText(CompletionItem item)
    {
        var text = item.InsertText ?? item.DisplayText;
        if (item.InsertTextFormat != InsertTextFormat.Snippet) return text;
        // "WriteLine($1)" -> "WriteLine", "List<$1>" -> "List": the name, without tab stops or their brackets.
        var plain = SnippetTabStop().Replace(text, "");
        return plain.EndsWith("()", StringComparison.Ordinal) || plain.EndsWith("<>", StringComparison.Ordinal) ? plain[..^2] : plain;
    }

    [GeneratedRegex(@"\$\{\d+(:[^}]*)?\}|\$\d+")]
    private static partial Regex SnippetTabStop();
}
