using System.Text;
using OutputControl.Requests;
using OutputControl.Results;

namespace Workbench.Api;

/// <summary>Renders an <see cref="OutputPreview"/>: verdict, findings and one row per cell.</summary>
internal static class PreviewHtml
{
    public static string Render(OutputPreview preview)
    {
        var html = new StringBuilder();
        var result = preview.Result;
        var colour = result.Verdict switch { Verdict.Safe => "#1a7f37", Verdict.Protected => "#9a6700", _ => "#cf222e" };
        html.Append("<div class=\"workbench-output-preview\">");
        html.Append("<p><strong style=\"color:").Append(colour).Append("\">").Append(Html.E(result.Verdict.ToString().ToLowerInvariant()))
            .Append("</strong> — ").Append(result.Cells.Count(c => c.Status == CellStatus.Primary)).Append(" primary, ")
            .Append(result.Cells.Count(c => c.Status == CellStatus.Secondary)).Append(" secondary suppression(s); minUnits ")
            .Append(result.Policy.MinUnits).Append(", rounding base ").Append(result.Policy.RoundingBase);
        if (result.Policy.CellKey is { } ck)
        {
            html.Append("; cell-key noise ±").Append(ck.MaxNoise).Append(" (variance ").Append(Html.E(KeyFormat.Format(ck.Variance))).Append(')');
        }
        html.Append("</p>");
        if (result.Findings.Count > 0)
        {
            html.Append("<ul>");
            foreach (var f in result.Findings) html.Append("<li><code>").Append(Html.E(f.Rule)).Append("</code>: ").Append(Html.E(f.Detail)).Append("</li>");
            html.Append("</ul>");
        }
        var inputs = preview.Table.Cells.ToDictionary(c => string.Join('\u001f', c.Key), StringComparer.Ordinal);
        // Subtotals of a hierarchical dimension (a gemeente over its wijken) are bold; they follow their children.
        var subtotals = preview.Table.Dimensions
            .Select(d => new HashSet<string>(d.Parents?.Values ?? [], StringComparer.Ordinal)).ToArray();
        html.Append("<table><thead>");
        Html.Row(html, [.. preview.Table.Dimensions.Select(d => Html.E(d.Name)), "value", "units", "status", "published", "reasons"], "th");
        html.Append("</thead><tbody>");
        foreach (var cell in result.Cells)
        {
            var input = inputs.GetValueOrDefault(string.Join('\u001f', cell.Key));
            var published = cell.Published is { } p ? Html.E(KeyFormat.Format(p)) : "<span title=\"suppressed\">x</span>";
            if (cell.NoiseBound is { } bound) published += $" <span title=\"noise bound\">±{bound}</span>";
            Html.Row(html, [.. cell.Key.Select((label, d) => subtotals[d].Contains(label) ? $"<strong title=\"subtotal\">{Html.E(label)}</strong>" : Html.E(label)),
                Html.E(input is null ? "0" : KeyFormat.Format(input.Value)), Html.E(input?.Units ?? 0),
                Html.E(cell.Status.ToString().ToLowerInvariant()), published, Html.E(string.Join("; ", cell.Reasons))]);
        }
        html.Append("</tbody></table></div>");
        return html.ToString();
    }
}
