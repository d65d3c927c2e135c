using System.Collections.Concurrent;
using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Worker.Protocol;

/// <summary>
/// The worker's side of the socket: runs each command against the session and sends back what it produces. Cells run
/// one at a time (the session sees to that); cancel and input answers are handled while a cell runs.
/// </summary>
public sealed class WorkerHost(MessageChannel channel, CSharpSession session)
{
    private MessageChannel Channel => channel;

    private readonly ConcurrentDictionary<long, CancellationTokenSource> running = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<string>> inputs = new();

    public async Task ServeAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        while (await channel.ReceiveAsync(cancellationToken) is { } message)
        {
            switch (message)
            {
                case ExecuteCommand execute: work.Add(ExecuteAsync(execute)); break;
                case CompleteCommand complete:
                    work.Add(AnswerAsync(
                        async () => new CompleteDone(complete.Id, await session.CompleteAsync(complete.Code, complete.Cursor, cancellationToken)),
                        new CompleteDone(complete.Id, new Language.Completions([], complete.Cursor, complete.Cursor))));
                    break;
                case InspectCommand inspect:
                    work.Add(AnswerAsync(
                        async () => new InspectDone(inspect.Id, await session.InspectAsync(inspect.Code, inspect.Cursor, cancellationToken)),
                        new InspectDone(inspect.Id, Language.Inspection.NotFound)));
                    break;
                case CancelCommand cancel when running.TryGetValue(cancel.Id, out var cell): await cell.CancelAsync(); break;
                case InputAnswer answer when inputs.TryRemove(answer.Id, out var waiting):
                    if (answer.Value is { } value) waiting.TrySetResult(value);
                    else waiting.TrySetException(new InvalidOperationException(answer.Refusal ?? "no input"));
                    break;
            }
            work.RemoveAll(t => t.IsCompleted);
        }
    }

    private async Task ExecuteAsync(ExecuteCommand command)
    {
        using var cell = new CancellationTokenSource();
        running[command.Id] = cell;
        try
        {
            var outcome = await Task.Run(() => session.ExecuteAsync(command.Code, new SocketSink(this, command.Id), cell.Token));
            await channel.SendAsync(new ExecuteDone(command.Id, outcome, session.Stuck));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await channel.SendAsync(new ExecuteDone(command.Id, ExecutionOutcome.Failure(ExecutionOutcomes.FromException(e))));
        }
        finally
        {
            running.TryRemove(command.Id, out _);
        }
    }

    /// <summary>A language request that fails answers with nothing found rather than leaving the front waiting.</summary>
    private async Task AnswerAsync(Func<Task<WorkerMessage>> produce, WorkerMessage nothing)
    {
        WorkerMessage reply;
        try
        {
            reply = await produce();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"language request {nothing.Id} failed: {e.Message}");
            reply = nothing;
        }
        await channel.SendAsync(reply);
    }

    private sealed class SocketSink(WorkerHost host, long id) : IExecutionSink
    {
        public void Stream(StreamName name, string text) => host.Channel.SendAsync(new StreamEvent(id, name, text)).GetAwaiter().GetResult();

        public void Display(MimeBundle bundle, bool update) => host.Channel.SendAsync(new DisplayEvent(id, bundle, update)).GetAwaiter().GetResult();

        public async Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            host.inputs[id] = answer;
            await host.Channel.SendAsync(new InputNeeded(id, prompt, password), cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
    }
}
