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
    private readonly ConcurrentDictionary<long, TaskCompletionSource<string>> asks = new();
    private long nextAsk;

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
                case ProjectAnswer answer when asks.TryRemove(answer.Ask, out var waiting):
                    if (answer.ViewPath is { } path) waiting.TrySetResult(path);
                    else waiting.TrySetException(new Workbench.Api.ProjectAccessException(answer.Refusal ?? "the front gave no view"));
                    break;
                case SubmitAnswer answer when asks.TryRemove(answer.Ask, out var waiting):
                    if (answer.Output is { } output) waiting.TrySetResult(output);
                    else waiting.TrySetException(new Workbench.Api.OutputSubmissionException(answer.Refusal ?? "the front gave no answer"));
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
            // The session runs the cell's code on a pool thread of its own: the receive loop goes on at its first wait.
            var outcome = await session.ExecuteAsync(command.Code, new SocketSink(this, command.Id), cell.Token);
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
            WorkerLog.Write($"language request {nothing.Id} failed: {e.Message}");
            reply = nothing;
        }
        await channel.SendAsync(reply);
    }

    private async Task<string> AskAsync(Func<long, WorkerMessage> question, CancellationToken cancellationToken)
    {
        var ask = Interlocked.Increment(ref nextAsk);
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        asks[ask] = answer;
        try
        {
            await channel.SendAsync(question(ask), cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            asks.TryRemove(ask, out _);
        }
    }

    private sealed class SocketSink(WorkerHost host, long id) : IExecutionSink, IProjectServices
    {
        public Task<string> OpenProjectAsync(CancellationToken cancellationToken) =>
            host.AskAsync(ask => new ProjectNeeded(id, ask), cancellationToken);

        public Task<string> SubmitOutputAsync(string body, CancellationToken cancellationToken) =>
            host.AskAsync(ask => new SubmitNeeded(id, ask, body), cancellationToken);

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
