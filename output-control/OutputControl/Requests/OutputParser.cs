using System.Text.Json;

namespace OutputControl.Requests;

/// <summary>Reads one <c>output</c> object (the request's own or one of <c>previous</c>).</summary>
internal static class OutputParser
{
    private static readonly string[] TableFields = ["kind", "measure", "population", "dimensions", "cells"];
    private static readonly string[] ModelFields = ["kind", "observations", "parameters"];

    private static string Prefix(string field) => field.Length == 0 ? string.Empty : field + ".";

    public static Output Parse(JsonElement o, string field)
    {
        JsonReading.RequireObject(o, field.Length == 0 ? "output" : field);
        var p = Prefix(field);
        var kind = JsonReading.OptionalString(o, "kind", p + "kind")
            ?? throw new InvalidRequestException(p + "kind", "is required");
        return kind switch
        {
            "table" => ParseTable(o, field),
            "model" => ParseModel(o, field),
            _ => throw new InvalidRequestException(p + "kind", $"unknown kind '{kind}' (expected 'table' or 'model')"),
        };
    }

    private static ModelOutput ParseModel(JsonElement o, string field)
    {
        var p = Prefix(field);
        JsonReading.RejectUnknown(o, p + "", ModelFields);
        var n = o.TryGetProperty("observations", out var ne)
            ? JsonReading.Long(ne, p + "observations")
            : throw new InvalidRequestException(p + "observations", "is required");
        var k = o.TryGetProperty("parameters", out var ke)
            ? JsonReading.Long(ke, p + "parameters")
            : throw new InvalidRequestException(p + "parameters", "is required");
        if (n < 0)
        {
            throw new InvalidRequestException(p + "observations", $"must not be negative, got {n}");
        }

        if (k < 0)
        {
            throw new InvalidRequestException(p + "parameters", $"must not be negative, got {k}");
        }

        return new ModelOutput(n, k);
    }

    private static TableOutput ParseTable(JsonElement o, string field)
    {
        var p = Prefix(field);
        JsonReading.RejectUnknown(o, p + "", TableFields);
        var measure = JsonReading.OptionalString(o, "measure", p + "measure") switch
        {
            "count" => Measure.Count,
            "sum" => Measure.Sum,
            null => throw new InvalidRequestException(p + "measure", "is required"),
            var other => throw new InvalidRequestException(p + "measure", $"unknown measure '{other}' (expected 'count' or 'sum')"),
        };
        var dimensions = new List<Dimension>();
        var i = 0;
        foreach (var d in JsonReading.Array(o, "dimensions", p + "dimensions").EnumerateArray())
        {
            dimensions.Add(ParseDimension(d, $"{p}dimensions[{i}]"));
            i++;
        }

        var previous = field.StartsWith("previous", StringComparison.Ordinal);
        var cells = new List<CellInput>();
        i = 0;
        foreach (var c in JsonReading.Array(o, "cells", p + "cells").EnumerateArray())
        {
            cells.Add(ParseCell(c, $"{p}cells[{i}]", previous));
            i++;
        }

        var population = JsonReading.OptionalString(o, "population", p + "population");
        var table = new TableOutput(measure, dimensions, cells) { Population = population };
        TableValidator.Validate(table, field == "output" ? string.Empty : p + "");
        return table;
    }

    private static Dimension ParseDimension(JsonElement d, string field)
    {
        var p = Prefix(field);
        JsonReading.RequireObject(d, field);
        JsonReading.RejectUnknown(d, p + "", ["name", "categories", "total", "parents"]);
        var name = JsonReading.OptionalString(d, "name", p + "name")
            ?? throw new InvalidRequestException(p + "name", "is required");
        var categories = new List<string>();
        var i = 0;
        foreach (var c in JsonReading.Array(d, "categories", p + "categories").EnumerateArray())
        {
            categories.Add(JsonReading.String(c, $"{p}categories[{i}]"));
            i++;
        }

        string? total = null;
        if (d.TryGetProperty("total", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            total = JsonReading.String(t, p + "total");
        }

        Dictionary<string, string>? parents = null;
        if (d.TryGetProperty("parents", out var ps) && ps.ValueKind != JsonValueKind.Null)
        {
            JsonReading.RequireObject(ps, p + "parents");
            parents = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in ps.EnumerateObject())
            {
                // A category named twice never gets here: the document is parsed without duplicate properties.
                parents[entry.Name] = JsonReading.String(entry.Value, $"{p}parents.{entry.Name}");
            }
        }

        return new Dimension(name, categories, total, parents);
    }

    private static CellInput ParseCell(JsonElement c, string field, bool previous)
    {
        var p = Prefix(field);
        JsonReading.RequireObject(c, field);
        // Only an earlier release says which of its cells were not published; a new output's are decided here.
        JsonReading.RejectUnknown(c, p + "", previous ? ["key", "value", "units", "contributions", "cellKey", "suppressed"] : ["key", "value", "units", "contributions", "cellKey"]);
        var key = new List<string>();
        var i = 0;
        foreach (var k in JsonReading.Array(c, "key", p + "key").EnumerateArray())
        {
            key.Add(JsonReading.String(k, $"{p}key[{i}]"));
            i++;
        }

        var value = c.TryGetProperty("value", out var v)
            ? JsonReading.Decimal(v, p + "value")
            : throw new InvalidRequestException(p + "value", "is required");
        var units = c.TryGetProperty("units", out var u)
            ? JsonReading.Long(u, p + "units")
            : throw new InvalidRequestException(p + "units", "is required");
        List<decimal>? contributions = null;
        if (c.TryGetProperty("contributions", out var cs) && cs.ValueKind != JsonValueKind.Null)
        {
            contributions = [];
            i = 0;
            foreach (var x in JsonReading.Array(c, "contributions", p + "contributions").EnumerateArray())
            {
                contributions.Add(JsonReading.Decimal(x, $"{p}contributions[{i}]"));
                i++;
            }
        }

        decimal? cellKey = null;
        if (c.TryGetProperty("cellKey", out var ck) && ck.ValueKind != JsonValueKind.Null)
        {
            cellKey = JsonReading.Decimal(ck, p + "cellKey");
            if (cellKey < 0 || cellKey >= 1)
            {
                throw new InvalidRequestException(p + "cellKey", $"must be in [0, 1), got {ck.GetRawText()}");
            }
        }

        var suppressed = previous && (JsonReading.OptionalBool(c, "suppressed", p + "suppressed") ?? false);
        return new CellInput(key, value, units, contributions, cellKey) { Suppressed = suppressed };
    }
}
