using System.Text.Json;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The Jupyter requests the notebook and tree pages need, and nothing else (deny by default): the pages and their static
/// files; notebooks and folders through the contents API (a notebook saved must be shaped like one); sessions and
/// kernels of the one sandboxed kernel; reading configuration. Everything else — <c>files/</c>, <c>nbconvert/</c>,
/// <c>view/</c>, <c>edit/</c>, downloads, raw or base64 file contents, uploads of files, configuration changes, another
/// kernel, a duplicated or unknown parameter, a body that is not plain JSON — is refused with its reason.
/// </summary>
internal static class NotebookRequests
{
    public const string Transfers = "downloads and uploads are switched off in the workbench's notebooks: results leave only through output control";
    private const string Kernel = NotebookWorkArea.KernelName;
    private const int MaxBodyBytes = 64 << 20;
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 256 };

    /// <summary>Why the request is not one the notebook pages make, or null when it may be forwarded.</summary>
    /// <remarks>A body is read (buffered, then rewound for forwarding) only when the endpoint takes one.</remarks>
    public static async Task<string?> RefusalAsync(HttpRequest request, string rest)
    {
        var method = request.Method;
        var get = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var query = Query(request);
        if (query.Duplicate is { } duplicate) return duplicate;
        if (rest.Length == 0) return get ? Only(query) : Method(method, "/");
        var segments = rest.Split('/');
        if (segments.Any(s => s is "" or "." or ".." || s.Contains('%', StringComparison.Ordinal) || s.Contains('\\', StringComparison.Ordinal)))
            return $"the path {rest} is not one the notebook pages use (empty, dot or escaped segments)";
        if (request.Query.ContainsKey("download")) return Transfers;
        switch (segments[0])
        {
            case "tree":
                return get ? Only(query, "_") : Method(method, rest);
            case "notebooks":
                if (!get) return Method(method, rest);
                return query.Values.TryGetValue("kernel_name", out var name) && name != Kernel ? KernelRefusal(name) : Only(query, "kernel_name", "_");
            case "static" when segments.Length > 1:
                // Jupyter's own files (MathJax is loaded with its configuration in the query): parameters do not matter.
                return get ? null : Method(method, rest);
            case "custom" or "nbextensions" when segments.Length > 1:
                return get ? Only(query, "v", "_") : Method(method, rest);
            case "kernelspecs" when segments.Length == 3:
                return !get ? Method(method, rest) : segments[1] != Kernel ? KernelRefusal(segments[1]) : Only(query, "v", "_");
            case "files" or "nbconvert" or "view" or "edit":
                return Transfers;
            case "api" when segments.Length > 1:
                return await ApiAsync(request, segments, query);
            default:
                return $"{rest} is not a part of Jupyter the workbench's notebooks use";
        }
    }

    private static async Task<string?> ApiAsync(HttpRequest request, string[] segments, QueryShape query)
    {
        var method = request.Method;
        var get = HttpMethods.IsGet(method);
        var path = string.Join('/', segments);
        switch (segments[1])
        {
            case "status" when segments.Length == 2:
            case "config" when segments.Length == 3:
                return get ? Only(query, "_") : $"{method} {path}: the notebook configuration cannot be changed in the workbench";
            case "kernelspecs" when segments.Length == 2:
                return get ? Only(query, "_") : Method(method, path);
            case "kernelspecs" when segments.Length == 3:
                return !get ? Method(method, path) : segments[2] != Kernel ? KernelRefusal(segments[2]) : Only(query, "_");
            case "kernels":
                return await KernelsAsync(request, segments, query);
            case "sessions":
                return await SessionsAsync(request, segments, query);
            case "contents":
                return await NotebookContents.RefusalAsync(request, segments[2..], query);
            default:
                return $"{path} is not a part of Jupyter the workbench's notebooks use";
        }
    }

    private static async Task<string?> KernelsAsync(HttpRequest request, string[] segments, QueryShape query)
    {
        var method = request.Method;
        var path = string.Join('/', segments);
        switch (segments.Length)
        {
            case 2 when HttpMethods.IsGet(method):
                return Only(query, "_");
            case 2 when HttpMethods.IsPost(method):
                return Only(query) ?? await WithBodyAsync(request, body => Shape(body, ["name"], ["path"]) ?? KernelName(body, required: true));
            case 3 when HttpMethods.IsGet(method) || HttpMethods.IsDelete(method):
                return Only(query, "_");
            case 4 when segments[3] is "interrupt" or "restart" && HttpMethods.IsPost(method):
                return Only(query) ?? await WithBodyAsync(request, body => Shape(body, [], []), emptyAllowed: true);
            case 4 when segments[3] == "channels" && HttpMethods.IsGet(method):
                return Only(query, "session_id");
            default:
                return Method(method, path);
        }
    }

    private static async Task<string?> SessionsAsync(HttpRequest request, string[] segments, QueryShape query)
    {
        var method = request.Method;
        switch (segments.Length)
        {
            case 2 when HttpMethods.IsGet(method):
            case 3 when HttpMethods.IsGet(method) || HttpMethods.IsDelete(method):
                return Only(query, "_");
            case 2 when HttpMethods.IsPost(method):
                return Only(query) ?? await WithBodyAsync(request, body => Shape(body, ["path", "kernel"], ["type", "name"]) ?? Session(body, creating: true));
            case 3 when HttpMethods.IsPatch(method):
                return Only(query) ?? await WithBodyAsync(request, body => Shape(body, [], ["path", "type", "name", "kernel"]) ?? Session(body, creating: false));
            default:
                return Method(method, string.Join('/', segments));
        }
    }

    private static string? Session(JsonElement body, bool creating)
    {
        if (body.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.Null && type.GetString() != "notebook")
            return "a session is of a notebook (type \"notebook\")";
        if (body.TryGetProperty("path", out var path) && path.ValueKind != JsonValueKind.String) return "a session's path is a string";
        if (body.TryGetProperty("name", out var name) && name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return "a session's name is a string";
        if (!body.TryGetProperty("kernel", out var kernel)) return null;
        if (kernel.ValueKind != JsonValueKind.Object) return "a session's kernel is an object with the kernel's name";
        return Shape(kernel, creating ? ["name"] : [], ["name", "id"]) ?? KernelName(kernel, required: creating)
            ?? (kernel.TryGetProperty("id", out var id) && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Null) ? "a kernel id is a string" : null);
    }

    private static string? KernelName(JsonElement body, bool required)
    {
        if (!body.TryGetProperty("name", out var name) || name.ValueKind == JsonValueKind.Null)
            return required ? $"name the kernel: only {Kernel} can be started" : null;
        return name.ValueKind == JsonValueKind.String && name.GetString() == Kernel ? null : KernelRefusal(name.ToString());
    }

    private static string KernelRefusal(string? name) =>
        $"only the sandboxed kernel {Kernel} can be used in the workbench's notebooks, not {(name is { Length: > 0 and <= 100 } ? name : "that one")}";

    /// <summary>A JSON object with the required properties and otherwise only the optional ones.</summary>
    internal static string? Shape(JsonElement body, string[] required, string[] optional)
    {
        if (body.ValueKind != JsonValueKind.Object) return "the request's body must be a JSON object";
        if (required.FirstOrDefault(r => !body.TryGetProperty(r, out _)) is { } missing) return $"the request's body lacks \"{missing}\"";
        var unknown = body.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !required.Contains(n) && !optional.Contains(n));
        return unknown is null ? null : $"the request's body has \"{(unknown.Length > 60 ? unknown[..60] : unknown)}\", which the notebook pages never send";
    }

    /// <summary>Reads the whole body as strict JSON (no duplicate keys, no NaN) and checks it; it is forwarded only if it passes.</summary>
    internal static async Task<string?> WithBodyAsync(HttpRequest request, Func<JsonElement, string?> check, bool emptyAllowed = false)
    {
        if (request.ContentLength > MaxBodyBytes) return $"the request's body is larger than {MaxBodyBytes >> 20} MiB";
        if (request.Headers.ContentEncoding.Count > 0) return "an encoded (compressed) request body is not accepted";
        request.EnableBuffering(bufferThreshold: 1 << 20, bufferLimit: MaxBodyBytes);
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        catch (IOException)
        {
            return $"the request's body is larger than {MaxBodyBytes >> 20} MiB";
        }
        request.Body.Position = 0;
        if (buffer.Length == 0) return emptyAllowed ? null : "the request has no body; it must be a JSON object";
        try
        {
            using var body = JsonDocument.Parse(buffer.ToArray(), Strict);
            return check(body.RootElement);
        }
        catch (JsonException e)
        {
            return $"the request's body is not plain JSON ({e.Message.Split(". ", 2)[0]}): it is refused, not forwarded";
        }
    }

    private static string Method(string method, string path) => $"{method} {path} is not a request the notebook pages make";

    /// <summary>Refuses any query parameter other than <paramref name="allowed"/>.</summary>
    internal static string? Only(QueryShape query, params string[] allowed) =>
        query.Values.Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } other ? $"the parameter {(other.Length > 60 ? other[..60] : other)} is not accepted here" : null;

    private static QueryShape Query(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            if (value.Count != 1 || !values.TryAdd(key, value[0] ?? "")) return new(values, $"the parameter {(key.Length > 60 ? key[..60] : key)} is given more than once");
        }
        // Keys are compared case-insensitively here (ASP.NET Core) and exactly by Jupyter: "type" and "Type" count as one
        // key given twice above, and only exact lower-case names are allowed below. A ';' separator is refused outright.
        return (request.QueryString.Value ?? "").Contains(';', StringComparison.Ordinal)
            ? new(values, "a ';' in the query is not accepted") : new(values, null);
    }

    internal sealed record QueryShape(Dictionary<string, string> Values, string? Duplicate);
}
