using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Infrastructure;

/// <summary>Builds requests as a Jupyter client sends them.</summary>
internal static class Requests
{
    public static readonly byte[] ClientIdentity = "client-1"u8.ToArray();

    public static MessageHeader Header(string type, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), "client-session", "tester", "2026-12-01T08:00:00.000000Z", type, MessageTypes.ProtocolVersion);

    public static JupyterMessage Create(string type, object? content = null) =>
        new([ClientIdentity], Header(type), null, [], JsonSerializer.SerializeToElement(content ?? new { }), []);

    public static JupyterMessage Execute(string code, bool silent = false, bool allowStdin = true, bool stopOnError = true, bool storeHistory = true) =>
        Create(MessageTypes.ExecuteRequest, new { code, silent, store_history = storeHistory, user_expressions = new { }, allow_stdin = allowStdin, stop_on_error = stopOnError });

    public static JsonObject Json(object content) => JsonSerializer.SerializeToNode(content, WireJson.Options)!.AsObject();
}
