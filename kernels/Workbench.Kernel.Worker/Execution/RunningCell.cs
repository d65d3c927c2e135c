namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// The cell that is running, if any: where the session's process-wide channels (<c>Console.Out</c>/<c>Error</c>/<c>In</c>,
/// <c>display</c>, the project and output submission) send what user code gives them, and the interrupt they honour.
/// Cells run one at a time, so one route serves them all; outside a cell there is none, and nothing goes anywhere.
/// </summary>
internal static class RunningCell
{
    private static Route? s_current;

    internal sealed record Route(IExecutionSink Sink, CancellationToken Interrupt);

    public static Route? Current => Volatile.Read(ref s_current);

    /// <summary>Routes the channels to <paramref name="sink"/> until the returned scope ends.</summary>
    public static IDisposable Enter(IExecutionSink sink, CancellationToken interrupt)
    {
        var route = new Route(sink, interrupt);
        Volatile.Write(ref s_current, route);
        return new Scope(route);
    }

    private sealed class Scope(Route route) : IDisposable
    {
        public void Dispose()
        {
            if (Current == route) ConsoleOutput.FlushBoth();
            Interlocked.CompareExchange(ref s_current, null, route);
        }
    }
}
