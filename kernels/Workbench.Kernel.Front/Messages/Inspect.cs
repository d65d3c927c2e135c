using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record InspectRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("cursor_pos")] int CursorPosition,
    [property: JsonPropertyName("detail_level")] int DetailLevel = 0);

internal sealed record InspectReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("found")] bool Found,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, string> Data,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, object> Metadata);
