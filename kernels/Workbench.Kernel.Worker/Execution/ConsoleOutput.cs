using System.Text;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// <c>Console.Out</c> and <c>Console.Error</c> of the session: what a cell writes goes to that cell's stdout or stderr
/// stream a line at a time (one message per line, however the writer's overloads split it up); the rest of a line
/// goes when the cell ends, asks for input or displays a value (<see cref="Flush"/>). Writes outside a cell (a thread
/// the cell left running) go nowhere.
/// </summary>
internal sealed class ConsoleOutput(StreamName stream) : TextWriter
{
    private readonly StringBuilder pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Append(new string(buffer));

    public override void Flush()
    {
        lock (pending)
        {
            if (pending.Length == 0) return;
            var text = pending.ToString();
            pending.Clear();
            RunningCell.Current?.Sink.Stream(stream, text);
        }
    }

    private void Append(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (pending)
        {
            if (RunningCell.Current is not { } cell)
            {
                pending.Clear();
                return;
            }
            pending.Append(text);
            var end = text.LastIndexOf('\n');
            if (end < 0) return;
            var lines = pending.ToString(0, pending.Length - (text.Length - end - 1));
            pending.Remove(0, lines.Length);
            cell.Sink.Stream(stream, lines);
        }
    }

    /// <summary>Sends what the cell wrote to both streams and has not sent yet.</summary>
    public static void FlushBoth()
    {
        Console.Out.Flush();
        Console.Error.Flush();
    }
}
