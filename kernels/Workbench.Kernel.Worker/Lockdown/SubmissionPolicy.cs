using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Workbench.Kernel.Worker.Lockdown;

/// <summary>
/// Refuses, with a message that says why, the parts of a cell that would load code from outside the kernel:
/// <c>#r "nuget:..."</c>, <c>#i</c> package sources, <c>#!</c> magic commands, and Roslyn's own <c>#r "path"</c>
/// and <c>#load</c>. This is courtesy, not the boundary: the sandbox around the worker is (user code can reach the
/// kernel object itself), but a clear refusal beats a confusing failure.
/// </summary>
public static class SubmissionPolicy
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Null when the cell may run, else the reason it may not.</summary>
    public static string? Refusal(string code)
    {
        var lineNumber = 0;
        foreach (var raw in code.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
                return $"line {lineNumber}: magic commands ({line.Split(' ')[0]}) are not available in the Workbench kernel: it runs C# only, with no other kernels, shells or connections.";
            if (line.StartsWith("#i ", StringComparison.Ordinal) || line == "#i")
                return $"line {lineNumber}: package sources (#i) are not available: the kernel has no network, and its libraries are already referenced.";
            if (line.StartsWith("#r", StringComparison.Ordinal) && line.Contains("nuget:", StringComparison.OrdinalIgnoreCase))
                return $"line {lineNumber}: NuGet packages cannot be added (#r \"nuget:...\"): the kernel has no network; Microsoft.Data.Analysis, ML.NET, QuikGraph and the Workbench libraries are already referenced.";
        }
        var root = SyntaxFactory.ParseSyntaxTree(code, Script).GetCompilationUnitRoot();
        if (root.GetReferenceDirectives().FirstOrDefault() is { } reference)
            return $"line {reference.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: assembly references (#r) are not allowed: only the libraries the kernel ships are referenced.";
        if (root.GetLoadDirectives().FirstOrDefault() is { } load)
            return $"line {load.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: loading script files (#load) is not allowed: put the code in a cell.";
        return null;
    }
}
