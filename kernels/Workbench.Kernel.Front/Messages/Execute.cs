using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Messages;

internal sealed record ExecuteRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("silent")] bool Silent = false,
    [property: JsonPropertyName("store_history")] bool StoreHistory = true,
    [property: JsonPropertyName("user_expressions")] Dictionary<string, string>? UserExpressions = null,
    [property: JsonPropertyName("allow_stdin")] bool AllowStdin = true,
    [property: JsonPropertyName("stop_on_error")] bool StopOnError = true);

internal sealed record ExecuteReplyOk(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("execution_count")] int ExecutionCount,
    [property: JsonPropertyName("payload")] IReadOnlyList<JsonElement> Payload,
    [property: JsonPropertyName("user_expressions")] IReadOnlyDictionary<string, object> UserExpressions);

/// <summary>The reply of a request that failed (status <c>error</c>) or was aborted after an earlier error (<c>aborted</c>).</summary>
internal sealed record ErrorReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("ename")] string Name,
    [property: JsonPropertyName("evalue")] string Value,
    [property: JsonPropertyName("traceback")] IReadOnlyList<string> Traceback,
    [property: JsonPropertyName("execution_count")] int? ExecutionCount = null);

internal sealed record ExecuteInput(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("execution_count")] int ExecutionCount);

internal sealed record ExecuteResult(
    [property: JsonPropertyName("execution_count")] int ExecutionCount,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, string> Data,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, object> Metadata);

internal sealed record DisplayData(
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, string> Data,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, object> Metadata,
    [property: JsonPropertyName("transient")] Transient? Transient);

internal sealed record Transient([property: JsonPropertyName("display_id")] string DisplayId);

internal sealed record StreamOutput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("text")] string Text);

internal sealed record ErrorContent(
    [property: JsonPropertyName("ename")] string Name,
    [property: JsonPropertyName("evalue")] string Value,
    [property: JsonPropertyName("traceback")] IReadOnlyList<string> Traceback);

internal sealed record StatusContent([property: JsonPropertyName("execution_state")] string ExecutionState)
{
    public static readonly StatusContent Busy = new("busy");
    public static readonly StatusContent Idle = new("idle");
    public static readonly StatusContent Starting = new("starting");
}
