using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record InputRequest(
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("password")] bool Password);

internal sealed record InputReply([property: JsonPropertyName("value")] string Value);
