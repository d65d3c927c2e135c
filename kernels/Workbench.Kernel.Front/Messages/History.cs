using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record HistoryRequest(
    [property: JsonPropertyName("output")] bool Output,
    [property: JsonPropertyName("raw")] bool Raw,
    [property: JsonPropertyName("hist_access_type")] string AccessType,
    [property: JsonPropertyName("session")] int? Session = null,
    [property: JsonPropertyName("start")] int? Start = null,
    [property: JsonPropertyName("stop")] int? Stop = null,
    [property: JsonPropertyName("n")] int? Count = null,
    [property: JsonPropertyName("pattern")] string? Pattern = null,
    [property: JsonPropertyName("unique")] bool Unique = false);

/// <summary>Each entry is <c>[session, line, input]</c>, or <c>[session, line, [input, output]]</c> when output was asked for.</summary>
internal sealed record HistoryReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("history")] IReadOnlyList<object[]> History);
