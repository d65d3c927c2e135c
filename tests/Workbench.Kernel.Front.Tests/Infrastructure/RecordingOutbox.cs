using System.Collections.Concurrent;
using Workbench.Kernel.Front.Transport;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Infrastructure;

/// <summary>An outbox that keeps every message the dispatcher sends, in order.</summary>
internal sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentQueue<OutgoingMessage> sent = new();

    public IReadOnlyList<OutgoingMessage> Sent => sent.ToList();

    public void Send(OutgoingMessage message)
    {
        sent.Enqueue(message);
    }

    public IReadOnlyList<OutgoingMessage> For(JupyterMessage request) =>
        Sent.Where(m => m.ParentHeader?.MessageId == request.Header.MessageId).ToList();

    /// <summary>Waits until a message of the type has been sent (for a cell blocked in ReadLine).</summary>
    public async Task<OutgoingMessage> WaitForAsync(string type, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Sent.FirstOrDefault(m => m.Type == type) is { } found) return found;
            await Task.Delay(20, deadline.Token);
        }
    }
}
