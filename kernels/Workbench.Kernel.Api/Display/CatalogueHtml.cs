using System.Text;

namespace Workbench.Api;

/// <summary>The project's catalogue as HTML: one section per dataset, one row per column.</summary>
internal static class CatalogueHtml
{
    public static string Render(ProjectCatalogue catalogue)
    {
        var html = new StringBuilder("<div class=\"workbench-catalogue\">");
        foreach (var d in catalogue.Datasets)
        {
            html.Append("<h4><code>").Append(Html.E(d.Name)).Append("</code> — ").Append(Html.E(d.Description))
                .Append(" (").Append(d.Rows).Append(" rows; unit: ").Append(Html.E(d.Unit)).Append(")</h4><table><thead>");
            Html.Row(html, ["column", "type", "meaning", "key"], "th");
            html.Append("</thead><tbody>");
            foreach (var c in d.Columns)
            {
                Html.Row(html, [$"<code>{Html.E(c.Name)}</code>", Html.E(c.Type), Html.E(c.Meaning), c.IsKey ? "project pseudonym" : string.Empty]);
            }
            html.Append("</tbody></table>");
        }
        html.Append("</div>");
        return html.ToString();
    }
}
