using System.Text.Json;

namespace Workbench.Server.Outputs;

/// <summary>
/// What the public dashboard shows of a released table: the dimension names and, per cell, its key and the published
/// (rounded) value, or null for a suppressed cell. Nothing else: no reasons (they would give unit counts away), no
/// raw values, no distinction between primary and secondary suppression.
/// </summary>
public sealed record PublicTable(IReadOnlyList<string> Dimensions, IReadOnlyList<string?> Totals, string Measure, IReadOnlyList<PublicCell> Cells)
{
    /// <summary>From the request (dimension names, measure) and the gateway's result (published values).</summary>
    public static PublicTable From(JsonElement request, string checkResult)
    {
        var output = request.GetProperty("output");
        var dims = output.TryGetProperty("dimensions", out var d) ? d.EnumerateArray().ToList() : [];
        var dimensions = dims.Select(x => x.GetProperty("name").GetString() ?? "").ToList();
        var totals = dims.Select(x => x.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null).ToList();
        var measure = output.TryGetProperty("measure", out var m) ? m.GetString() ?? "" : output.GetProperty("kind").GetString() ?? "";
        using var result = JsonDocument.Parse(checkResult);
        var cells = result.RootElement.GetProperty("cells").EnumerateArray().Select(c => new PublicCell(
            [.. c.GetProperty("key").EnumerateArray().Select(k => k.GetString() ?? "")],
            c.GetProperty("published").ValueKind == JsonValueKind.Number ? c.GetProperty("published").GetDecimal() : null)).ToList();
        return new PublicTable(dimensions, totals, measure, cells);
    }

    /// <summary>
    /// The bars of a chart over the first dimension: its categories (not its total) where every other dimension is
    /// at its total; empty when another dimension has no total to stand on.
    /// </summary>
    public IReadOnlyList<PublicCell> ChartBars()
    {
        if (Dimensions.Count == 0 || Totals.Skip(1).Any(t => t is null))
        {
            return [];
        }
        return [.. Cells.Where(c => c.Key.Count == Dimensions.Count && c.Key[0] != Totals[0]
            && c.Key.Skip(1).Select((k, i) => k == Totals[i + 1]).All(x => x))];
    }

    /// <summary>The published value of the cell with this key, or null when suppressed or absent.</summary>
    public decimal? ValueOf(IReadOnlyList<string> key) => Cells.FirstOrDefault(c => c.Key.SequenceEqual(key, StringComparer.Ordinal))?.Value;

    public string ToJson() => JsonSerializer.Serialize(this, OutputRequestConfiguration.Json);

    public static PublicTable FromJson(string json) => JsonSerializer.Deserialize<PublicTable>(json, OutputRequestConfiguration.Json)!;
}

/// <summary>A published cell: its key and value, or null when suppressed.</summary>
public sealed record PublicCell(IReadOnlyList<string> Key, decimal? Value);
