using System.Text;
using System.Text.Json;
using OutputControl;
using OutputControl.Noise;
using OutputControl.Requests;

namespace Workbench.Api;

/// <summary>
/// A built table output: the output-control request of the contract (<see cref="ToJson"/>), with <c>previous</c> empty
/// and no policy (the server fills the project's release history and applies its policy; the preview uses the same
/// defaults) — except, for cell-key noise, <c>policy.cellKey</c> and every cell's <c>cellKey</c>.
/// </summary>
public sealed class TableRequest
{
    internal TableRequest(TableOutput table, CellKeyPolicy? cellKey = null)
    {
        Table = table;
        CellKey = cellKey;
        Json = Write(table, cellKey);
    }

    /// <summary>The cell-key noise asked for, or null for suppression and rounding.</summary>
    public CellKeyPolicy? CellKey { get; }

    /// <summary>The table as output control reads it.</summary>
    public TableOutput Table { get; }

    /// <summary>The request document, exactly as it is submitted.</summary>
    public string Json { get; }

    /// <summary>The request document (contract v1).</summary>
    public string ToJson() => Json;

    /// <summary>Checks the request with output control here and shows the protected table.</summary>
    public OutputPreview Preview() => new(Table, OutputChecker.Check(Json));

    /// <summary>Submits the request for review through <see cref="Output.Transport"/>; returns the server's id and status.</summary>
    public Task<SubmittedOutput> SubmitAsync(string title, string description, string justification, CancellationToken cancellationToken = default) =>
        Output.SubmitAsync(Output.Transport, Json, title, description, justification, cancellationToken);

    /// <summary>Submits the request for review through <paramref name="transport"/>.</summary>
    public Task<SubmittedOutput> SubmitAsync(
        IOutputTransport transport, string title, string description, string justification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return Output.SubmitAsync(transport, Json, title, description, justification, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => Json;

    private static string Write(TableOutput table, CellKeyPolicy? cellKey)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (cellKey is not null)
            {
                w.WriteStartObject("policy");
                w.WriteStartObject("cellKey");
                w.WriteNumber("maxNoise", cellKey.MaxNoise);
                w.WriteNumber("variance", cellKey.Variance);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteStartObject("output");
            w.WriteString("kind", "table");
            w.WriteString("measure", table.Measure == Measure.Count ? "count" : "sum");
            w.WriteStartArray("dimensions");
            foreach (var d in table.Dimensions)
            {
                w.WriteStartObject();
                w.WriteString("name", d.Name);
                w.WriteStartArray("categories");
                foreach (var c in d.Categories) w.WriteStringValue(c);
                w.WriteEndArray();
                if (d.Total is null) w.WriteNull("total");
                else w.WriteString("total", d.Total);
                if (d.Parents is { Count: > 0 } parents)
                {
                    w.WriteStartObject("parents");
                    foreach (var c in d.Categories)
                    {
                        if (parents.TryGetValue(c, out var parent)) w.WriteString(c, parent);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("cells");
            foreach (var cell in table.Cells)
            {
                w.WriteStartObject();
                w.WriteStartArray("key");
                foreach (var k in cell.Key) w.WriteStringValue(k);
                w.WriteEndArray();
                w.WriteNumber("value", cell.Value);
                w.WriteNumber("units", cell.Units);
                if (cell.Contributions is { } contributions)
                {
                    w.WriteStartArray("contributions");
                    foreach (var x in contributions) w.WriteNumberValue(x);
                    w.WriteEndArray();
                }
                if (cell.CellKey is { } key) w.WriteNumber("cellKey", key);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("previous");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
