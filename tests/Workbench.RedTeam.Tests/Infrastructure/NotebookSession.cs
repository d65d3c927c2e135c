using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.RedTeam.Tests.Infrastructure;

/// <summary>
/// A data scientist's notebook server for one project, reached the way the browser reaches it: opened from the
/// Notebooks page (a one-time ticket to the notebook origin, which sets that origin's own cookie), then Jupyter's REST
/// API and kernel WebSockets through the workbench's proxy on that origin.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    private NotebookSession(HttpClient http, CookieContainer cookies, Uri tree, string project)
    {
        Http = http;
        Cookies = cookies;
        Tree = tree;
        Project = project;
    }

    /// <summary>A client for the notebook server's origin with its session cookie; paths are relative to <see cref="Base"/>.</summary>
    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public Uri Tree { get; }

    public string Project { get; }

    /// <summary>The notebook server's base URL, such as <c>http://localhost:5081/notebooks/P-2026-001/</c>.</summary>
    public Uri Base => new(Tree, $"/notebooks/{Project}/");

    public static async Task<NotebookSession> OpenAsync(SignedIn user, string project)
    {
        var (http, cookies) = await NotebookOriginClient.OpenAsync(user.Client, project);
        return new NotebookSession(http, cookies, http.BaseAddress!, project);
    }

    public Task<HttpResponseMessage> GetAsync(string relative) => Http.GetAsync(new Uri(Base, relative));

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? json)
    {
        var request = new HttpRequestMessage(method, new Uri(Base, relative));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return Http.SendAsync(request);
    }

    /// <summary>Starts a kernel of <paramref name="name"/> through the proxy; returns the response as it came.</summary>
    public Task<HttpResponseMessage> StartKernelAsync(string name) => SendAsync(HttpMethod.Post, "api/kernels", $$"""{"name":"{{name}}"}""");

    /// <summary>Starts the workbench kernel and connects to its channels.</summary>
    public async Task<KernelChannels> StartWorkbenchKernelAsync()
    {
        using var started = await StartKernelAsync("workbench-csharp");
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"the workbench kernel did not start: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var socket = new ClientWebSocket();
        socket.Options.Cookies = Cookies;
        var ws = new UriBuilder(new Uri(Base, $"api/kernels/{id}/channels?session_id={Guid.NewGuid():N}")) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(ws, CancellationToken.None);
        return new KernelChannels(socket);
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A kernel's channels over Jupyter's WebSocket (JSON messages), enough to run a cell and read what it did.</summary>
public sealed class KernelChannels(ClientWebSocket socket) : IDisposable
{
    public sealed record CellResult(string Status, string Text, string? ErrorName, string? ErrorValue);

    public async Task<CellResult> ExecuteAsync(string code, TimeSpan within)
    {
        var id = Guid.NewGuid().ToString("N");
        var message = new JsonObject
        {
            ["header"] = new JsonObject { ["msg_id"] = id, ["username"] = "redteam", ["session"] = id, ["msg_type"] = "execute_request", ["version"] = "5.3" },
            ["parent_header"] = new JsonObject(), ["metadata"] = new JsonObject(), ["channel"] = "shell", ["buffers"] = new JsonArray(),
            ["content"] = new JsonObject
            {
                ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
                ["allow_stdin"] = false, ["stop_on_error"] = true,
            },
        };
        using var deadline = new CancellationTokenSource(within);
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, deadline.Token);
        var text = new StringBuilder();
        string? status = null, errorName = null, errorValue = null;
        var idle = false;
        while (status is null || !idle)
        {
            var reply = await ReceiveAsync(deadline.Token);
            if (reply.GetProperty("parent_header").TryGetProperty("msg_id", out var parent) && parent.GetString() != id) continue;
            var type = reply.GetProperty("header").GetProperty("msg_type").GetString();
            var content = reply.GetProperty("content");
            switch (type)
            {
                case "stream":
                    text.Append(content.GetProperty("text").GetString());
                    break;
                case "execute_result" or "display_data":
                    if (content.GetProperty("data").TryGetProperty("text/plain", out var plain)) text.Append(plain.GetString());
                    break;
                case "error":
                    (errorName, errorValue) = (content.GetProperty("ename").GetString(), content.GetProperty("evalue").GetString());
                    break;
                case "execute_reply":
                    status = content.GetProperty("status").GetString();
                    break;
                case "status":
                    idle = content.GetProperty("execution_state").GetString() == "idle";
                    break;
            }
        }
        return new CellResult(status, text.ToString(), errorName, errorValue);
    }

    private async Task<JsonElement> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException($"the kernel's WebSocket closed: {result.CloseStatusDescription}");
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }

    public void Dispose() => socket.Dispose();
}
