using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record ShutdownRequest([property: JsonPropertyName("restart")] bool Restart = false);

internal sealed record ShutdownReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("restart")] bool Restart);

internal sealed record InterruptReply([property: JsonPropertyName("status")] string Status);
