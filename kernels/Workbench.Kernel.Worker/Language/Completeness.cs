using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Workbench.Kernel.Worker.Language;

public enum CompletenessStatus
{
    Complete,
    Incomplete,
    Invalid,
}

/// <summary>
/// Answers is_complete_request the way a console does: parse the cell as a C# script; an open block or a missing
/// closing token at the end is incomplete, any other syntax error makes it invalid.
/// </summary>
public static class Completeness
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static CompletenessStatus Check(string code)
    {
        // Directive lines (#!magic, #r, #load) are no C# a parser understands; they end at the line break.
        var csharp = string.Join('\n', code.Split('\n').Where(line => !line.TrimStart().StartsWith("#!", StringComparison.Ordinal)));
        if (string.IsNullOrWhiteSpace(csharp)) return CompletenessStatus.Complete;
        var tree = SyntaxFactory.ParseSyntaxTree(csharp, Script);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return CompletenessStatus.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? CompletenessStatus.Invalid : CompletenessStatus.Complete;
    }
}
