using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>Turns the events of one submission into its outcome: the return value, or the error in Jupyter's shape.</summary>
internal static class ExecutionOutcomes
{
    // Frames of the scripting engine and .NET Interactive say nothing about the user's code.
    private static readonly string[] InfrastructureFrames = ["Microsoft.CodeAnalysis.Scripting", "Microsoft.DotNet.Interactive", "--- End of stack trace"];

    public static ExecutionOutcome From(IReadOnlyList<KernelEvent> events)
    {
        var failed = events.OfType<CommandFailed>().FirstOrDefault();
        if (failed is null)
        {
            var value = events.OfType<ReturnValueProduced>().LastOrDefault();
            return ExecutionOutcome.Success(value is null ? null : PlainTextValues.Bundle(value));
        }
        var diagnostics = events.OfType<DiagnosticsProduced>()
            .SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(Format)
            .ToList();
        if (diagnostics.Count > 0 || failed.Exception is CodeSubmissionCompilationErrorException)
        {
            var lines = diagnostics.Count > 0 ? diagnostics : [failed.Message];
            return ExecutionOutcome.Failure(new ExecutionError(ExecutionError.CompilationError, string.Join("; ", lines), lines));
        }
        if (failed.Exception is { } exception) return ExecutionOutcome.Failure(FromException(exception));
        return ExecutionOutcome.Failure(new ExecutionError("KernelError", failed.Message, [failed.Message]));
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
    private static string Format(Diagnostic d) =>
        $"({d.LinePositionSpan.Start.Line + 1},{d.LinePositionSpan.Start.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}";
}
