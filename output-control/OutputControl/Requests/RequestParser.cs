using System.Text.Json;
using OutputControl.Linked;
using OutputControl.Noise;

namespace OutputControl.Requests;

/// <summary>
/// Reads a request document (the contract's JSON) into a validated <see cref="CheckRequest"/>. Every problem is an
/// <see cref="InvalidRequestException"/> naming the field; unknown fields are refused so that a misspelt policy
/// threshold never silently falls back to its default.
/// </summary>
public static class RequestParser
{
    private static readonly string[] RequestFields = ["policy", "output", "previous"];
    private static readonly string[] PolicyFields =
        ["minUnits", "zerosDisclosive", "roundingBase", "midpointRounding", "dominance", "pPercent", "minResidualDf", "secondary", "cellKey"];

    /// <summary>Parses and validates a request document; omitted policy fields take the contract's defaults.</summary>
    public static CheckRequest Parse(string json) => Parse(json, Policy.Default);

    /// <summary>
    /// Parses a request for a gateway that enforces <paramref name="enforced"/> whatever the author asks: omitted
    /// policy fields take the enforced values, a field weaker than the enforced policy is refused with
    /// <see cref="PolicyRefusedException"/> naming every such field, and any other asked policy is ignored: the
    /// request comes back with <paramref name="enforced"/> as its policy. Cell-key noise is the one choice the author
    /// makes: it applies (with the enforced parameters) only when the request asks for it, and only when the enforced
    /// policy enables it; otherwise the table is suppressed and rounded.
    /// </summary>
    public static CheckRequest ParseUnder(string json, Policy enforced)
    {
        ArgumentNullException.ThrowIfNull(enforced);
        var asked = Parse(json, enforced);
        var weaker = asked.Policy.WeakeningsAgainst(enforced);
        if (weaker.Count > 0)
        {
            throw new PolicyRefusedException(weaker);
        }

        return asked with { Policy = asked.Policy.CellKey is null ? enforced.WithCellKey(null) : enforced };
    }

    /// <summary>
    /// Whether an earlier released output (an <c>output</c> object) is linked with an output, for the cover-table
    /// protection and differencing: both tables, of the same measure and no different population, sharing at least
    /// one spanning variable (dimensions with shared categories, whatever their names and order). Models and invalid
    /// documents are not.
    /// </summary>
    public static bool AreComparable(string outputJson, string previousJson)
    {
        ArgumentNullException.ThrowIfNull(outputJson);
        ArgumentNullException.ThrowIfNull(previousJson);
        try
        {
            using var now = JsonDocument.Parse(outputJson, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
            using var before = JsonDocument.Parse(previousJson, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
            var output = OutputParser.Parse(now.RootElement, string.Empty);
            var previous = OutputParser.Parse(before.RootElement, "previous");
            CheckComparable(output, previous, "previous");
            return output is TableOutput;
        }
        catch (Exception e) when (e is JsonException or InvalidRequestException)
        {
            return false;
        }
    }

    private static CheckRequest Parse(string json, Policy defaults)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            // A key given twice is refused: which of two policies or two unit counts would count is the reader's guess.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var problem = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new InvalidRequestException(
                "$", $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {problem}");
        }

        using (document)
        {
            var root = document.RootElement;
            JsonReading.RequireObject(root, "$");
            JsonReading.RejectUnknown(root, string.Empty, RequestFields);
            var policy = root.TryGetProperty("policy", out var p) && p.ValueKind != JsonValueKind.Null
                ? ParsePolicy(p, defaults)
                : defaults.WithCellKey(null); // cell-key noise only when asked for
            if (!root.TryGetProperty("output", out var o))
            {
                throw new InvalidRequestException("output", "is required");
            }

            var output = OutputParser.Parse(o, string.Empty);
            var previous = new List<Output>();
            if (root.TryGetProperty("previous", out var prev) && prev.ValueKind != JsonValueKind.Null)
            {
                if (prev.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidRequestException("previous", "must be an array of outputs");
                }

                var i = 0;
                foreach (var item in prev.EnumerateArray())
                {
                    var field = $"previous[{i}]";
                    var parsed = OutputParser.Parse(item, field);
                    CheckComparable(output, parsed, field);
                    previous.Add(parsed);
                    i++;
                }
            }

            return new CheckRequest(policy, output, previous);
        }
    }

    private static void CheckComparable(Output output, Output previous, string field)
    {
        if (output is TableOutput now && previous is TableOutput before)
        {
            // Comparable by content: at least one spanning variable in common (dimensions sharing categories, whatever
            // their names and order), the same measure and no different population.
            if (CoverTable.Pair(now, before) is null)
            {
                var a = now.Dimensions.Select(d => d.Name).ToList();
                var b = before.Dimensions.Select(d => d.Name).ToList();
                throw new InvalidRequestException(
                    field + ".dimensions",
                    $"dimensions {KeyFormat.Format(b)} share no categories with the output's {KeyFormat.Format(a)}");
            }

            if (now.Measure != before.Measure)
            {
                throw new InvalidRequestException(field + ".measure", "differs from the output's measure");
            }

            if (!now.SamePopulation(before))
            {
                throw new InvalidRequestException(field + ".population", $"'{before.Population}' differs from the output's '{now.Population}'");
            }
        }
        else if (output.GetType() != previous.GetType())
        {
            throw new InvalidRequestException(field + ".kind", "differs from the output's kind");
        }
    }

    private static Policy ParsePolicy(JsonElement p, Policy d)
    {
        JsonReading.RequireObject(p, "policy");
        JsonReading.RejectUnknown(p, "policy.", PolicyFields);
        var minUnits = JsonReading.OptionalInt(p, "minUnits", "policy.minUnits") ?? d.MinUnits;
        var zeros = JsonReading.OptionalBool(p, "zerosDisclosive", "policy.zerosDisclosive") ?? d.ZerosDisclosive;
        var roundingBase = JsonReading.OptionalInt(p, "roundingBase", "policy.roundingBase") ?? d.RoundingBase;
        var midpoint = JsonReading.OptionalString(p, "midpointRounding", "policy.midpointRounding") switch
        {
            null => d.MidpointRounding,
            "awayFromZero" => MidpointPolicy.AwayFromZero,
            "toEven" => MidpointPolicy.ToEven,
            var other => throw new InvalidRequestException(
                "policy.midpointRounding", $"unknown value '{other}' (expected 'awayFromZero' or 'toEven')"),
        };
        DominanceRule? dominance = d.Dominance;
        var dominanceOff = d.Dominance is null;
        if (p.TryGetProperty("dominance", out var dom))
        {
            if (dom.ValueKind == JsonValueKind.Null)
            {
                dominanceOff = true;
                dominance = null;
            }
            else
            {
                dominanceOff = false;
                JsonReading.RequireObject(dom, "policy.dominance");
                JsonReading.RejectUnknown(dom, "policy.dominance.", ["n", "k"]);
                var n = JsonReading.OptionalInt(dom, "n", "policy.dominance.n")
                    ?? throw new InvalidRequestException("policy.dominance.n", "is required");
                var k = JsonReading.OptionalDecimal(dom, "k", "policy.dominance.k")
                    ?? throw new InvalidRequestException("policy.dominance.k", "is required");
                dominance = new DominanceRule(n, k);
            }
        }

        decimal? pPercent = d.PPercent;
        if (p.TryGetProperty("pPercent", out var pp))
        {
            pPercent = pp.ValueKind == JsonValueKind.Null ? null : JsonReading.Decimal(pp, "policy.pPercent");
        }

        var minDf = JsonReading.OptionalInt(p, "minResidualDf", "policy.minResidualDf") ?? d.MinResidualDf;
        var secondary = JsonReading.OptionalString(p, "secondary", "policy.secondary") switch
        {
            null => d.Secondary,
            "optimal" => SecondaryMethod.Optimal,
            "fast" => SecondaryMethod.Fast,
            var other => throw new InvalidRequestException(
                "policy.secondary", $"unknown value '{other}' (expected 'optimal' or 'fast')"),
        };
        return new Policy(minUnits, zeros, roundingBase, midpoint, dominance, pPercent, minDf, secondary, dominanceOff, ParseCellKey(p));
    }

    // Never defaulted from the enforced policy: suppression and rounding stay the default unless a request asks.
    private static CellKeyPolicy? ParseCellKey(JsonElement p)
    {
        if (!p.TryGetProperty("cellKey", out var ck) || ck.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        JsonReading.RequireObject(ck, "policy.cellKey");
        JsonReading.RejectUnknown(ck, "policy.cellKey.", ["maxNoise", "variance"]);
        var maxNoise = JsonReading.OptionalInt(ck, "maxNoise", "policy.cellKey.maxNoise")
            ?? throw new InvalidRequestException("policy.cellKey.maxNoise", "is required");
        var variance = JsonReading.OptionalDecimal(ck, "variance", "policy.cellKey.variance")
            ?? throw new InvalidRequestException("policy.cellKey.variance", "is required");
        return new CellKeyPolicy(maxNoise, variance);
    }
}
