using System.Text.Json;

namespace OutputControl.Requests;

/// <summary>Typed reads of JSON values that fail with the field's path and the problem.</summary>
internal static class JsonReading
{
    public static void RequireObject(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException(field, $"must be an object, got {Describe(e)}");
        }
    }

    public static void RejectUnknown(JsonElement e, string prefix, IReadOnlyCollection<string> known)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new InvalidRequestException(prefix + property.Name, "unknown field");
            }
        }
    }

    public static decimal Decimal(JsonElement e, string field)
    {
        if (e.ValueKind == JsonValueKind.String && e.GetString() is { } s &&
            (s.Contains("NaN", StringComparison.OrdinalIgnoreCase) || s.Contains("Infinity", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidRequestException(field, $"must be a finite number, got {s}");
        }

        if (e.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidRequestException(field, $"must be a number, got {Describe(e)}");
        }

        if (!e.TryGetDecimal(out var value))
        {
            throw new InvalidRequestException(field, $"number {e.GetRawText()} is out of range");
        }

        return value;
    }

    public static long Long(JsonElement e, string field)
    {
        var value = Decimal(e, field);
        if (value != decimal.Truncate(value) || value > long.MaxValue || value < long.MinValue)
        {
            throw new InvalidRequestException(field, $"must be a whole number, got {e.GetRawText()}");
        }

        return (long)value;
    }

    public static int? OptionalInt(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var e))
        {
            return null;
        }

        var value = Long(e, field);
        if (value is > int.MaxValue or < int.MinValue)
        {
            throw new InvalidRequestException(field, $"number {value} is out of range");
        }

        return (int)value;
    }

    public static decimal? OptionalDecimal(JsonElement parent, string name, string field) =>
        parent.TryGetProperty(name, out var e) ? Decimal(e, field) : null;

    public static bool? OptionalBool(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var e))
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidRequestException(field, $"must be true or false, got {Describe(e)}"),
        };
    }

    public static string? OptionalString(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var e))
        {
            return null;
        }

        return String(e, field);
    }

    public static string String(JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new InvalidRequestException(field, $"must be a string, got {Describe(e)}");

    public static JsonElement Array(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var e))
        {
            throw new InvalidRequestException(field, "is required");
        }

        return e.ValueKind == JsonValueKind.Array
            ? e
            : throw new InvalidRequestException(field, $"must be an array, got {Describe(e)}");
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"string '{e.GetString()}'",
        JsonValueKind.Null => "null",
        _ => e.GetRawText(),
    };
}
