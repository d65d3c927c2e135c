using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Wire;

/// <summary>The header of a Jupyter message (and the parent header of a reply).</summary>
internal sealed record MessageHeader(
    [property: JsonPropertyName("msg_id")] string MessageId,
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("msg_type")] string MessageType,
    [property: JsonPropertyName("version")] string Version);
