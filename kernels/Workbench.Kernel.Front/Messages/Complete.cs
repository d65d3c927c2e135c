using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record CompleteRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("cursor_pos")] int CursorPosition);

internal sealed record CompleteReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("matches")] IReadOnlyList<string> Matches,
    [property: JsonPropertyName("cursor_start")] int CursorStart,
    [property: JsonPropertyName("cursor_end")] int CursorEnd,
    [property: JsonPropertyName("metadata")] CompleteMetadata Metadata);

/// <summary>JupyterLab reads the kind of every match from this experimental field.</summary>
internal sealed record CompleteMetadata([property: JsonPropertyName("_jupyter_types_experimental")] IReadOnlyList<TypedMatch> Types);

internal sealed record TypedMatch(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("type")] string Type);
