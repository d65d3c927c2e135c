namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// One value in several representations keyed by MIME type. Always carries <c>text/plain</c>, which every Jupyter
/// client can show. <paramref name="DisplayId"/> lets a later update replace a displayed value.
/// </summary>
public sealed record MimeBundle(IReadOnlyDictionary<string, string> Data, string? DisplayId = null)
{
    public const string PlainText = "text/plain";

    [System.Text.Json.Serialization.JsonIgnore]
    public string Plain => Data[PlainText];

    public static MimeBundle Create(IEnumerable<KeyValuePair<string, string>> representations, string plain, string? displayId = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mime, value) in representations) data[mime] = value;
        data[PlainText] = plain;
        return new MimeBundle(data, displayId);
    }
}
