namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// <c>Console.In</c> of the session: <c>Console.ReadLine()</c> in a cell becomes an input_request to the client and
/// waits for its input_reply. Outside a cell, or when the client allows no input, reading fails with a clear message.
/// </summary>
internal sealed class ConsoleInput : TextReader
{
    private static readonly ConsoleInput Instance = new();
    private static int installed;
    private volatile Target? route;

    private sealed record Target(IExecutionSink Sink, CancellationToken CancellationToken);

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0) Console.SetIn(Instance);
    }

    public static void Route(IExecutionSink? sink, CancellationToken cancellationToken) =>
        Instance.route = sink is null ? null : new Target(sink, cancellationToken);

    public override string? ReadLine()
    {
        var current = route ?? throw new InvalidOperationException("Console input is available only while a cell runs.");
        // User code calls ReadLine synchronously on a pool thread; blocking it until the reply arrives is what it expects.
        return current.Sink.RequestInputAsync("", password: false, current.CancellationToken).GetAwaiter().GetResult();
    }

    public override int Read() => throw new NotSupportedException("Read a whole line with Console.ReadLine().");

    public override int Peek() => -1;
}
