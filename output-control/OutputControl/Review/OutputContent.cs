using System.Text;
using System.Text.Json;

namespace OutputControl.Review;

/// <summary>
/// What the checkers review and the release publishes, as one canonical JSON document: the output-control request
/// (as the contract defines it), a title, how it was made, and the author's justification. Its UTF-8 bytes are what
/// <see cref="ContentHash"/> is taken over.
/// </summary>
public sealed record OutputContent(string Title, string Description, string Justification, JsonElement Request)
{
    private static readonly JsonWriterOptions Writer = new() { Indented = false };

    /// <summary>The canonical bytes: fixed property order, no insignificant white space.</summary>
    public byte[] ToCanonicalBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Writer))
        {
            w.WriteStartObject();
            w.WriteString("title", Title);
            w.WriteString("description", Description);
            w.WriteString("justification", Justification);
            w.WritePropertyName("request");
            Request.WriteTo(w);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>The SHA-256 of <see cref="ToCanonicalBytes"/>.</summary>
    public ContentHash Hash => ContentHash.Of(ToCanonicalBytes());

    /// <summary>Reads canonical bytes back.</summary>
    public static OutputContent FromCanonicalBytes(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        return new OutputContent(
            root.GetProperty("title").GetString() ?? "", root.GetProperty("description").GetString() ?? "",
            root.GetProperty("justification").GetString() ?? "", root.GetProperty("request").Clone());
    }

    /// <summary>The canonical document as text.</summary>
    public string ToCanonicalText() => Encoding.UTF8.GetString(ToCanonicalBytes());
}
