using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// Runs Roslyn's script compiler once on a trivial script, on another thread, while the worker connects and builds its
/// session (whose C# kernel spends most of a second composing its workspace): loading and initialising the compiler's
/// types then overlaps with that instead of following it, so the session's first submission finds them ready.
/// </summary>
internal static class CompilerWarmUp
{
    public static Task Start() => Task.Run(async () =>
    {
        try
        {
            await CSharpScript.EvaluateAsync<int>("1 + 1");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a warm-up: the session's own first submission reports any real problem.
            await Console.Error.WriteLineAsync($"compiler warm-up failed: {e.Message}");
        }
    });
}
