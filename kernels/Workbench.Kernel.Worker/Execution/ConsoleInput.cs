namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// <c>Console.In</c> of the session: <c>Console.ReadLine()</c> in a cell becomes an input_request to the client and
/// waits for its input_reply. Outside a cell, or when the client allows no input, reading fails with a clear message.
/// </summary>
internal sealed class ConsoleInput : TextReader
{
    public override string? ReadLine()
    {
        var cell = RunningCell.Current ?? throw new InvalidOperationException("Console input is available only while a cell runs.");
        ConsoleOutput.FlushBoth(); // the prompt the cell wrote shows before the input box
        // User code calls ReadLine synchronously on a pool thread; blocking it until the reply arrives is what it expects.
        return cell.Sink.RequestInputAsync("", password: false, cell.Interrupt).GetAwaiter().GetResult();
    }

    public override int Read() => throw new NotSupportedException("Read a whole line with Console.ReadLine().");

    public override int Peek() => -1;
}
