using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record CommInfoRequest([property: JsonPropertyName("target_name")] string? TargetName = null);

/// <summary>The kernel opens no comms (no widgets talk back into the sandbox), so the map is always empty.</summary>
internal sealed record CommInfoReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("comms")] IReadOnlyDictionary<string, object> Comms);
