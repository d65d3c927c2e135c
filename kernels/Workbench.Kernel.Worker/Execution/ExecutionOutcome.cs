namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// How a cell ended: with an optional result value, or with an error in Jupyter's shape (ename, evalue, traceback).
/// A compilation error carries every compiler diagnostic in its traceback.
/// </summary>
public sealed record ExecutionOutcome(MimeBundle? Result, ExecutionError? Error)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Succeeded => Error is null;

    public static ExecutionOutcome Success(MimeBundle? result) => new(result, null);

    public static ExecutionOutcome Failure(ExecutionError error) => new(null, error);
}

public sealed record ExecutionError(string Name, string Value, IReadOnlyList<string> Traceback)
{
    /// <summary>The ename of a submission that did not compile.</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>The ename of a submission that was stopped by an interrupt.</summary>
    public const string Interrupted = "KernelInterrupted";

    /// <summary>The ename of a submission refused before it ran (a forbidden directive, an unavailable feature).</summary>
    public const string Refused = "SubmissionRefused";
}
