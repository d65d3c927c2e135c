using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Transport;
using Workbench.Kernel.Front.Wire;
using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>What one running cell produces, published on iopub as the cell's children (or dropped for a silent cell).</summary>
internal sealed class CellOutput(JupyterMessage request, IOutbox outbox, MessageFactory messages, InputBroker input, bool silent, bool allowStdin) : IExecutionSink
{
    private static readonly IReadOnlyDictionary<string, object> NoMetadata = new Dictionary<string, object>();

    public void Stream(StreamName name, string text)
    {
        if (silent || text.Length == 0) return;
        outbox.Send(messages.Publish(request, MessageTypes.Stream, new StreamOutput(name == StreamName.Stdout ? "stdout" : "stderr", text)));
    }

    public void Display(MimeBundle bundle, bool update)
    {
        if (silent) return;
        var transient = bundle.DisplayId is null ? null : new Transient(bundle.DisplayId);
        if (update && transient is null) return;
        outbox.Send(messages.Publish(request, update ? MessageTypes.UpdateDisplayData : MessageTypes.DisplayData, new DisplayData(bundle.Data, NoMetadata, transient)));
    }

    public Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken)
    {
        if (!allowStdin) throw new InvalidOperationException("This client does not accept input requests (allow_stdin is false), so Console.ReadLine() cannot be answered.");
        return input.RequestAsync(request, prompt, password, cancellationToken);
    }
}
