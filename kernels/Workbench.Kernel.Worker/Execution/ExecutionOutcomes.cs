using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>Turns how a submission ended into its outcome: the return value, or the error in Jupyter's shape.</summary>
internal static class ExecutionOutcomes
{
    // Frames of the scripting engine and the worker say nothing about the user's code.
    private static readonly string[] InfrastructureFrames = ["Microsoft.CodeAnalysis.Scripting", "Workbench.Kernel.Worker", "--- End of stack trace"];

    public static ExecutionOutcome From(ScriptState<object> state)
    {
        if (state.Exception is { } exception) return ExecutionOutcome.Failure(FromException(exception));
        return ExecutionOutcome.Success(HasValue(state.Script.GetCompilation(), state.ReturnValue) ? Formatting.Bundle(state.ReturnValue, []) : null);
    }

    /// <summary>
    /// A cell has a value when it ends in an expression without a semicolon that is not of type void. Only a null
    /// value needs the expression's type (null, or a void call?): the semantic model is not built for every cell.
    /// </summary>
    private static bool HasValue(Compilation compilation, object? value)
    {
        var tree = compilation.SyntaxTrees.Single();
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last }] })
            return false;
        return value is not null || compilation.GetSemanticModel(tree).GetTypeInfo(last.Expression).Type is { SpecialType: not SpecialType.System_Void };
    }

    public static ExecutionOutcome From(CompilationErrorException failed)
    {
        var lines = failed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Format).ToList();
        if (lines.Count == 0) lines.Add(failed.Message);
        return ExecutionOutcome.Failure(new ExecutionError(ExecutionError.CompilationError, string.Join("; ", lines), lines));
    }

    public static ExecutionError FromException(Exception exception)
    {
        var traceback = exception.ToString()
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => !InfrastructureFrames.Any(frame => line.Contains(frame, StringComparison.Ordinal)))
            .ToList();
        return new ExecutionError(exception.GetType().Name, exception.Message, traceback);
    }

    /// <summary>One compiler diagnostic as a console prints it: <c>(1,5): error CS0103: The name 'y' does not exist...</c>.</summary>
    private static string Format(Diagnostic d)
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        return $"({start.Line + 1},{start.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
