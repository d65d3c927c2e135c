using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Workbench.Api;
using Workbench.Kernel.Api.Tests.Outputs;

namespace Workbench.Kernel.Api.Tests.Display;

public sealed class FormatterTests
{
    [Fact]
    public void Register_DataFrame_StaticHtmlTableWithRowCount()
    {
        WorkbenchFormatters.Register();
        var frame = new DataFrame(new Int64DataFrameColumn("n", Enumerable.Range(0, 30).Select(i => (long)i)), new StringDataFrameColumn("s", Enumerable.Repeat("<b>", 30)));

        var html = frame.ToDisplayString(HtmlFormatter.MimeType);

        Assert.StartsWith("<div class=\"workbench-dataframe\"><table><thead><tr><th>n<br><small>Int64</small></th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>24</td><td>&lt;b&gt;</td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>25</td>", html, StringComparison.Ordinal);
        Assert.Contains("30 rows × 2 columns (first 25 shown)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Register_PreviewAndRequest_ShowTheProtectedTable()
    {
        WorkbenchFormatters.Register();
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").Build();

        Assert.Equal(request.Preview().ToHtml(), request.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(request.Preview().ToHtml(), request.Preview().ToDisplayString(HtmlFormatter.MimeType));
    }
}
