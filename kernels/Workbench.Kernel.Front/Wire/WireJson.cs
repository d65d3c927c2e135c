using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Wire;

/// <summary>The one JSON setting of the wire: property names come from the records, absent optional fields are left out.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // HTML and code travel inside JSON strings; Jupyter clients read UTF-8, so nothing needs escaping beyond JSON's own.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
