using ScottPlot;

namespace Workbench.Api;

/// <summary>
/// Charts in the notebook: a ScottPlot <see cref="Plot"/> as the value of a cell shows as a PNG image (rendered in the
/// kernel, so nothing but the picture reaches the notebook; a chart of results is not an output: what leaves the
/// environment goes through output control).
/// </summary>
public static class ChartImage
{
    /// <summary>The size a chart is drawn at when it is shown.</summary>
    public static (int Width, int Height) Size { get; set; } = (720, 420);

    /// <summary>The chart as a PNG, base64 (the form Jupyter's <c>image/png</c> takes).</summary>
    public static string PngBase64(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return Convert.ToBase64String(plot.GetImageBytes(Size.Width, Size.Height, ImageFormat.Png));
    }
}
