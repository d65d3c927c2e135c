using System.Text;
using Microsoft.Data.Analysis;

namespace Workbench.Api;

/// <summary>A DataFrame as a static HTML table: its first rows and how many there are.</summary>
internal static class DataFrameHtml
{
    public const int MaxRows = 25;

    public static string Render(DataFrame frame)
    {
        var html = new StringBuilder("<div class=\"workbench-dataframe\"><table><thead>");
        Html.Row(html, [.. frame.Columns.Select(c => Html.E(c.Name) + "<br><small>" + Html.E(c.DataType.Name) + "</small>")], "th");
        html.Append("</thead><tbody>");
        var shown = Math.Min(frame.Rows.Count, MaxRows);
        for (long r = 0; r < shown; r++)
        {
            Html.Row(html, [.. frame.Columns.Select(c => Html.E(c[r]))]);
        }
        html.Append("</tbody></table><p><small>").Append(frame.Rows.Count).Append(" rows × ").Append(frame.Columns.Count).Append(" columns");
        if (frame.Rows.Count > shown) html.Append(" (first ").Append(shown).Append(" shown)");
        html.Append("</small></p></div>");
        return html.ToString();
    }
}
