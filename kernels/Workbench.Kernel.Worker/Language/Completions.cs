namespace Workbench.Kernel.Worker.Language;

/// <summary>
/// What a complete_request gets back: plain insertable names (no editor snippet syntax) that start with the word at
/// the cursor, and the span they replace, in code points.
/// </summary>
public sealed record Completions(IReadOnlyList<CompletionMatch> Matches, int CursorStart, int CursorEnd);

/// <summary>One candidate with its Roslyn kind (Method, Property, Class, ...).</summary>
public sealed record CompletionMatch(string Text, string Kind);
