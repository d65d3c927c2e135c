using System.Text;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// <c>Console.Out</c> and <c>Console.Error</c> of the session: what a cell writes goes, as it writes it, to that cell's
/// stdout or stderr stream. Writes outside a cell (a thread the cell left running) go nowhere.
/// </summary>
internal sealed class ConsoleOutput(StreamName stream) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    private string NewLineText => new(CoreNewLine);

    public override void Write(char value) => Send(value.ToString());

    public override void Write(string? value) => Send(value);

    public override void Write(char[] buffer, int index, int count) => Send(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Send(new string(buffer));

    // One message per line rather than one for the text and one for the line break.
    public override void WriteLine(string? value) => Send(value + NewLineText);

    public override void WriteLine(ReadOnlySpan<char> buffer) => Send(string.Concat(buffer, NewLineText));

    private void Send(string? text)
    {
        if (string.IsNullOrEmpty(text) || RunningCell.Current is not { } cell) return;
        cell.Sink.Stream(stream, text);
    }
}
