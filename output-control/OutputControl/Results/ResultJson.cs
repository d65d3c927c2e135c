using System.Text;
using System.Text.Json;
using OutputControl.Requests;

namespace OutputControl.Results;

/// <summary>Writes a <see cref="CheckResult"/> as the contract's result document.</summary>
public static class ResultJson
{
    /// <summary>The result document, indented, UTF-8 text.</summary>
    public static string Write(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("verdict", result.Verdict switch
            {
                Verdict.Safe => "safe",
                Verdict.Protected => "protected",
                _ => "blocked",
            });
            w.WriteStartArray("cells");
            foreach (var cell in result.Cells)
            {
                w.WriteStartObject();
                w.WriteStartArray("key");
                foreach (var k in cell.Key)
                {
                    w.WriteStringValue(k);
                }

                w.WriteEndArray();
                w.WriteString("status", cell.Status switch
                {
                    CellStatus.Published => "published",
                    CellStatus.Primary => "primary",
                    _ => "secondary",
                });
                if (cell.Published is { } value)
                {
                    w.WriteNumber("published", Normal(value));
                }
                else
                {
                    w.WriteNull("published");
                }

                w.WriteStartArray("reasons");
                foreach (var r in cell.Reasons)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                if (cell.NoiseBound is { } bound)
                {
                    w.WriteNumber("noiseBound", bound); // only under cell-key noise: other results are unchanged
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                w.WriteStartObject();
                w.WriteString("rule", f.Rule);
                w.WriteString("detail", f.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WritePolicy(w, result.Policy);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A policy as the contract writes it (every field; <c>cellKey</c> only when set), compact UTF-8 JSON text.</summary>
    public static string WritePolicy(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            WritePolicyObject(w, policy);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePolicy(Utf8JsonWriter w, Policy p)
    {
        w.WritePropertyName("policy");
        WritePolicyObject(w, p);
    }

    private static void WritePolicyObject(Utf8JsonWriter w, Policy p)
    {
        w.WriteStartObject();
        w.WriteNumber("minUnits", p.MinUnits);
        w.WriteBoolean("zerosDisclosive", p.ZerosDisclosive);
        w.WriteNumber("roundingBase", p.RoundingBase);
        w.WriteString("midpointRounding", p.MidpointRounding == MidpointPolicy.ToEven ? "toEven" : "awayFromZero");
        if (p.Dominance is { } d)
        {
            w.WriteStartObject("dominance");
            w.WriteNumber("n", d.N);
            w.WriteNumber("k", Normal(d.K));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("dominance");
        }

        if (p.PPercent is { } pp)
        {
            w.WriteNumber("pPercent", Normal(pp));
        }
        else
        {
            w.WriteNull("pPercent");
        }

        w.WriteNumber("minResidualDf", p.MinResidualDf);
        w.WriteString("secondary", p.Secondary == SecondaryMethod.Fast ? "fast" : "optimal");
        if (p.CellKey is { } ck)
        {
            // Written only when set (absent means null), so every policy without it reads exactly as before.
            w.WriteStartObject("cellKey");
            w.WriteNumber("maxNoise", ck.MaxNoise);
            w.WriteNumber("variance", Normal(ck.Variance));
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static decimal Normal(decimal value) => value / 1.0000000000000000000000000000m;
}
