using System.Collections.Concurrent;
using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Worker.Tests.Execution;

/// <summary>A sink that keeps what a cell produced and answers input requests from a queue of lines.</summary>
internal sealed class RecordingSink(params string[] inputLines) : IExecutionSink
{
    private readonly ConcurrentQueue<string> lines = new(inputLines);

    public ConcurrentQueue<(StreamName Name, string Text)> Streams { get; } = new();

    public ConcurrentQueue<MimeBundle> Displays { get; } = new();

    /// <summary>Every display in order, with whether it was an update (update_display_data).</summary>
    public ConcurrentQueue<(MimeBundle Bundle, bool Update)> Shown { get; } = new();

    public ConcurrentQueue<string> Prompts { get; } = new();

    public string Stdout => string.Concat(Streams.Where(s => s.Name == StreamName.Stdout).Select(s => s.Text));

    public string Stderr => string.Concat(Streams.Where(s => s.Name == StreamName.Stderr).Select(s => s.Text));

    public void Stream(StreamName name, string text) => Streams.Enqueue((name, text));

    public void Display(MimeBundle bundle, bool update)
    {
        Displays.Enqueue(bundle);
        Shown.Enqueue((bundle, update));
    }

    public Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken)
    {
        Prompts.Enqueue(prompt);
        return lines.TryDequeue(out var line) ? Task.FromResult(line) : throw new InvalidOperationException("no input was scripted");
    }
}
