using System.Text.Json;

namespace Workbench.Server.Pages.Outputs;

/// <summary>One cell on the review page: the gateway's status, published value and reasons, and the raw value and units.</summary>
public sealed record ReviewTableRow(string Key, string Status, string Published, string Reasons, string RawValue, string Units)
{
    /// <summary>Joins the gateway's result cells with the request's raw cells by key (a suppressed structural zero has no raw cell).</summary>
    public static IReadOnlyList<ReviewTableRow> From(JsonElement request, JsonElement checkResult)
    {
        var raw = new Dictionary<string, (string Value, string Units)>(StringComparer.Ordinal);
        if (request.TryGetProperty("output", out var output) && output.TryGetProperty("cells", out var cells))
        {
            foreach (var cell in cells.EnumerateArray())
            {
                raw[FormatKey(cell.GetProperty("key"))] = (cell.GetProperty("value").GetRawText(),
                    cell.TryGetProperty("units", out var units) ? units.GetRawText() : "");
            }
        }
        return [.. checkResult.GetProperty("cells").EnumerateArray().Select(c =>
        {
            var key = FormatKey(c.GetProperty("key"));
            var (value, units) = raw.GetValueOrDefault(key, ("0", "0"));
            var published = c.GetProperty("published");
            return new ReviewTableRow(key, c.GetProperty("status").GetString() ?? "",
                published.ValueKind == JsonValueKind.Null ? "suppressed" : published.GetRawText(),
                string.Join("; ", c.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())), value, units);
        })];
    }

    private static string FormatKey(JsonElement key) => string.Join(" × ", key.EnumerateArray().Select(k => k.GetString()));
}
