using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record IsCompleteRequest([property: JsonPropertyName("code")] string Code);

internal sealed record IsCompleteReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("indent")] string? Indent = null);
