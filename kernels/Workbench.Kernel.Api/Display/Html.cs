using System.Globalization;
using System.Net;
using System.Text;

namespace Workbench.Api;

/// <summary>Small helpers for static HTML (no scripts: Jupyter does not run them in untrusted notebooks).</summary>
internal static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(value switch
    {
        null => string.Empty,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    }) ?? string.Empty;

    public static void Row(StringBuilder html, IEnumerable<string> cells, string tag = "td")
    {
        html.Append("<tr>");
        foreach (var c in cells) html.Append('<').Append(tag).Append('>').Append(c).Append("</").Append(tag).Append('>');
        html.Append("</tr>");
    }
}
