using System.Text.Json;

namespace Workbench.Server.Outputs;

/// <summary>
/// What the public dashboard shows of a released table: the dimension names and, per cell, its key and the published
/// (rounded) value, or null for a suppressed cell. Nothing else: no reasons (they would give unit counts away), no
/// raw values, no distinction between primary and secondary suppression.
/// </summary>
public sealed record PublicTable(IReadOnlyList<string> Dimensions, string Measure, IReadOnlyList<PublicCell> Cells)
{
    /// <summary>From the request (dimension names, measure) and the gateway's result (published values).</summary>
    public static PublicTable From(JsonElement request, string checkResult)
    {
        var output = request.GetProperty("output");
        var dimensions = output.TryGetProperty("dimensions", out var dims)
            ? dims.EnumerateArray().Select(d => d.GetProperty("name").GetString() ?? "").ToList()
            : [];
        var measure = output.TryGetProperty("measure", out var m) ? m.GetString() ?? "" : output.GetProperty("kind").GetString() ?? "";
        using var result = JsonDocument.Parse(checkResult);
        var cells = result.RootElement.GetProperty("cells").EnumerateArray().Select(c => new PublicCell(
            [.. c.GetProperty("key").EnumerateArray().Select(k => k.GetString() ?? "")],
            c.GetProperty("published").ValueKind == JsonValueKind.Number ? c.GetProperty("published").GetDecimal() : null)).ToList();
        return new PublicTable(dimensions, measure, cells);
    }

    public string ToJson() => JsonSerializer.Serialize(this, OutputRequestConfiguration.Json);

    public static PublicTable FromJson(string json) => JsonSerializer.Deserialize<PublicTable>(json, OutputRequestConfiguration.Json)!;
}

/// <summary>A published cell: its key and value, or null when suppressed.</summary>
public sealed record PublicCell(IReadOnlyList<string> Key, decimal? Value);
