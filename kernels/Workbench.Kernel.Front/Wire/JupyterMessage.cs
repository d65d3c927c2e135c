using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbench.Kernel.Front.Wire;

/// <summary>
/// One message as it travels: the routing identities of the sender, the header, the parent header (null when empty),
/// metadata, content and binary buffers. Content is kept as JSON until a handler reads it as its request record.
/// </summary>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    MessageHeader Header,
    MessageHeader? ParentHeader,
    JsonObject Metadata,
    JsonElement Content,
    IReadOnlyList<byte[]> Buffers)
{
    public string Type => Header.MessageType;

    public T ContentAs<T>() => Content.Deserialize<T>(WireJson.Options)
        ?? throw new JsonException($"the content of {Type} is empty");
}
