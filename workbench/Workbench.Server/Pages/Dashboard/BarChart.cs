using System.Globalization;
using System.Net;
using System.Text;
using Workbench.Server.Outputs;

namespace Workbench.Server.Pages.Dashboard;

/// <summary>
/// A bar chart of a released table as inline SVG, drawn on the server (the dashboard needs no script): one bar per
/// category of the first dimension, a suppressed cell drawn as an "x" on the axis instead of a bar.
/// </summary>
public static class BarChart
{
    private const int Width = 600;
    private const int BarArea = 200;
    private const int Top = 20;
    private const int Label = 40;

    public static string Svg(string title, IReadOnlyList<PublicCell> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        var slot = bars.Count == 0 ? Width : Width / bars.Count;
        var svg = new StringBuilder();
        var name = WebUtility.HtmlEncode($"Bar chart: {title}");
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{name}\" viewBox=\"0 0 {Width} {Top + BarArea + Label}\" width=\"{Width}\" height=\"{Top + BarArea + Label}\"><title>{name}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Top + BarArea}\" x2=\"{Width}\" y2=\"{Top + BarArea}\" stroke=\"#1b1b1b\" />");
        for (var i = 0; i < bars.Count; i++)
        {
            var x = i * slot + slot / 6;
            var w = slot * 2 / 3;
            var label = WebUtility.HtmlEncode(bars[i].Key[0]);
            var center = x + w / 2;
            if (bars[i].Value is { } v && max > 0)
            {
                var h = (int)Math.Round(v / max * BarArea);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x}\" y=\"{Top + BarArea - h}\" width=\"{w}\" height=\"{h}\" fill=\"#00567a\"><title>{label}: {v.ToString(CultureInfo.InvariantCulture)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{center}\" y=\"{Top + BarArea - h - 4}\" text-anchor=\"middle\">{v.ToString(CultureInfo.InvariantCulture)}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"suppressed\" x=\"{center}\" y=\"{Top + BarArea - 4}\" text-anchor=\"middle\">x</text>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{center}\" y=\"{Top + BarArea + 20}\" text-anchor=\"middle\">{label}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
