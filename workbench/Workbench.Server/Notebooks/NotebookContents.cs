using System.Text.Json;
using static Workbench.Server.Notebooks.NotebookRequests;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The contents-API requests the notebook pages make: list a folder and open a notebook (never a file's raw or base64
/// content), save a notebook (a body shaped like one), new notebook or folder, copy or rename a notebook, delete, and
/// checkpoints. A file's content neither leaves nor enters through it.
/// </summary>
internal static class NotebookContents
{
    private const string Suffix = ".ipynb";

    public static async Task<string?> RefusalAsync(HttpRequest request, string[] path, QueryShape query)
    {
        var method = request.Method;
        var checkpoints = Array.LastIndexOf(path, "checkpoints");
        if (checkpoints >= 0 && checkpoints >= path.Length - 2)
        {
            var file = string.Join('/', path[..checkpoints]);
            var one = checkpoints == path.Length - 2;
            if (!file.EndsWith(Suffix, StringComparison.Ordinal)) return "only notebooks have checkpoints here";
            return (HttpMethods.IsGet(method) && !one) ? Only(query, "_")
                : HttpMethods.IsPost(method) ? Only(query) ?? await WithBodyAsync(request, _ => "a checkpoint request has no body", emptyAllowed: true)
                : HttpMethods.IsDelete(method) && one ? Only(query)
                : $"{method} on checkpoints is not a request the notebook pages make";
        }
        var name = string.Join('/', path);
        var notebook = name.EndsWith(Suffix, StringComparison.Ordinal);
        if (HttpMethods.IsGet(method)) return Read(query, notebook);
        if (HttpMethods.IsDelete(method)) return Only(query);
        if (Only(query) is { } parameter) return parameter;
        if (HttpMethods.IsPut(method))
        {
            return await WithBodyAsync(request, body => body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString() switch
                {
                    "notebook" when notebook => Shape(body, ["type", "content"], ["format"]) ?? Format(body) ?? NotebookShape(body.GetProperty("content")),
                    "notebook" => $"a notebook is saved under a name ending in {Suffix}",
                    "directory" => Shape(body, ["type"], []),
                    _ => NotebookRequests.Transfers,
                }
                : "a save names its type: notebook or directory (files are not uploaded)");
        }
        if (HttpMethods.IsPost(method))
        {
            return await WithBodyAsync(request, body =>
                body.ValueKind == JsonValueKind.Object && body.TryGetProperty("copy_from", out var from)
                    ? Shape(body, ["copy_from"], []) ?? (from.ValueKind == JsonValueKind.String && from.GetString()!.EndsWith(Suffix, StringComparison.Ordinal)
                        && Segments(from.GetString()!) ? null : "only a notebook is copied")
                    : Shape(body, ["type"], ["ext"]) ?? (body.GetProperty("type").GetString() is "notebook" or "directory"
                        && (!body.TryGetProperty("ext", out var ext) || ext.ValueKind == JsonValueKind.Null || ext.GetString() == Suffix)
                        ? null : "only a new notebook or a new folder is created here"));
        }
        if (HttpMethods.IsPatch(method))
        {
            return await WithBodyAsync(request, body => Shape(body, ["path"], [])
                ?? (body.GetProperty("path") is { ValueKind: JsonValueKind.String } to && Segments(to.GetString()!)
                    && to.GetString()!.EndsWith(Suffix, StringComparison.Ordinal) == notebook
                    ? null : $"a rename keeps a notebook a notebook (ending in {Suffix}) and a folder a folder"));
        }
        return $"{method} on contents is not a request the notebook pages make";
    }

    /// <summary>Listing a folder or opening a notebook: <c>type</c> notebook or directory, JSON only, content 0 or 1.</summary>
    private static string? Read(QueryShape query, bool notebook)
    {
        if (Only(query, "type", "content", "format", "_") is { } other) return other;
        if (!query.Values.TryGetValue("type", out var type) || type is not ("notebook" or "directory"))
            return $"{NotebookRequests.Transfers} (contents are read as a notebook or a folder only: type=notebook or type=directory)";
        if (type == "notebook" && !notebook) return $"only a file ending in {Suffix} is opened as a notebook";
        if (query.Values.TryGetValue("format", out var format) && format != "json") return $"{NotebookRequests.Transfers} (format {format})";
        return query.Values.TryGetValue("content", out var content) && content is not ("0" or "1") ? "content is 0 or 1" : null;
    }

    private static string? Format(JsonElement body) =>
        !body.TryGetProperty("format", out var format) || format.ValueKind == JsonValueKind.Null || format.GetString() == "json"
            ? null : $"{NotebookRequests.Transfers} (a notebook is saved as json)";

    /// <summary>nbformat 4: metadata, cells of type code, markdown or raw; anything else is a file in disguise.</summary>
    internal static string? NotebookShape(JsonElement content)
    {
        const string NotANotebook = "the content saved is not a notebook (nbformat 4 with metadata and cells)";
        if (content.ValueKind != JsonValueKind.Object
            || !content.TryGetProperty("nbformat", out var major) || major.ValueKind != JsonValueKind.Number || major.GetRawText() != "4"
            || !content.TryGetProperty("nbformat_minor", out var minor) || minor.ValueKind != JsonValueKind.Number
            || !content.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !content.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            return NotANotebook;
        if (content.EnumerateObject().Any(p => p.Name is not ("nbformat" or "nbformat_minor" or "metadata" or "cells"))) return NotANotebook;
        foreach (var cell in cells.EnumerateArray())
        {
            if (cell.ValueKind != JsonValueKind.Object || !cell.TryGetProperty("cell_type", out var kind)
                || kind.ValueKind != JsonValueKind.String || kind.GetString() is not ("code" or "markdown" or "raw")
                || !cell.TryGetProperty("source", out var source) || source.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
                return NotANotebook;
        }
        return null;
    }

    private static bool Segments(string path) =>
        path.TrimStart('/').Split('/') is var parts && parts.All(p => p is not ("" or "." or "..") && !p.Contains('\\', StringComparison.Ordinal));
}
