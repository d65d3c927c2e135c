using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace Workbench.Api;

/// <summary>
/// Rich display in the kernel: DataFrames, the project's catalogue and output previews as static HTML tables (no
/// scripts, so they render in untrusted notebooks and exported HTML too). The worker calls <see cref="Register"/> once at start-up.
/// </summary>
public static class WorkbenchFormatters
{
    /// <summary>The HTML of a DataFrame: the first <see cref="DataFrameHtml.MaxRows"/> rows and the row count.</summary>
    public static string ToHtml(DataFrame frame) => DataFrameHtml.Render(frame ?? throw new ArgumentNullException(nameof(frame)));

    /// <summary>The HTML of the project's catalogue.</summary>
    public static string ToHtml(ProjectCatalogue catalogue) => CatalogueHtml.Render(catalogue ?? throw new ArgumentNullException(nameof(catalogue)));

    private const string PngMimeType = "image/png";

    /// <summary>Registers the HTML formatters with .NET Interactive (replacing the DataFrame's stock one) and shows charts as PNG.</summary>
    public static void Register()
    {
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrameHtml.Render(frame)), HtmlFormatter.MimeType);
        Formatter.Register<ProjectCatalogue>((catalogue, writer) => writer.Write(CatalogueHtml.Render(catalogue)), HtmlFormatter.MimeType);
        Formatter.Register<OutputPreview>((preview, writer) => writer.Write(preview.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<TableRequest>((request, writer) => writer.Write(request.Preview().ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<ScottPlot.Plot>((plot, writer) => writer.Write(ChartImage.PngBase64(plot)), PngMimeType);
        Formatter.Register<ScottPlot.Plot>((_, writer) => writer.Write($"chart ({ChartImage.Size.Width}×{ChartImage.Size.Height} PNG)"), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ScottPlot.Plot), PngMimeType, PlainTextFormatter.MimeType);
    }
}
