using System.Globalization;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Dispatch;

/// <summary>Makes the headers of the kernel's messages: a fresh id, the kernel's session, the time from the clock.</summary>
internal sealed class MessageFactory(string session, TimeProvider time)
{
    public string Session { get; } = session;

    /// <summary>A reply on the channel the request came in on, routed back to its sender.</summary>
    public OutgoingMessage Reply(Channel channel, JupyterMessage request, string type, object content) =>
        new(channel, request.Identities, Header(type), request.Header, content);

    /// <summary>A broadcast on iopub, in reply to <paramref name="parent"/> (null for the kernel's own status).</summary>
    public OutgoingMessage Publish(JupyterMessage? parent, string type, object content) =>
        new(Channel.IoPub, [System.Text.Encoding.UTF8.GetBytes($"kernel.{Session}.{type}")], Header(type), parent?.Header, content);

    private MessageHeader Header(string type) =>
        new(Guid.NewGuid().ToString("N"), Session, "kernel", time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), type, MessageTypes.ProtocolVersion);
}
