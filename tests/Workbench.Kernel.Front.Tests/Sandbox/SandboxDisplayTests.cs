using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>What a notebook shows, rendered inside the sandbox (no fonts config, no network): tables and charts.</summary>
[Collection(SandboxedKernel.Name)]
public sealed class SandboxDisplayTests(SandboxedKernelFixture fixture)
{
    [Fact]
    public void Chart_PlotAsCellValue_IsAPngWithItsTextDrawn()
    {
        var run = fixture.Client.Execute(
            "var plot = new ScottPlot.Plot(); plot.Add.Bars(new double[] { 3, 5, 2 }); plot.Title(\"Dismantled sites per year\"); plot",
            SandboxedKernelFixture.Cell);

        Assert.Equal("ok", run.Status);
        var data = run.Outputs.Single(o => o.Type == "execute_result").Content.GetProperty("data");
        var png = Convert.FromBase64String(data.GetProperty("image/png").GetString()!);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Equal("chart (720×420 PNG)", data.GetProperty("text/plain").GetString());
    }

    [Fact]
    public void Table_DataFrameAsCellValue_IsStaticHtml()
    {
        var run = fixture.Client.Execute("new DataFrame(new Int32DataFrameColumn(\"sites\", new[] { 3, 5 }))", SandboxedKernelFixture.Cell);

        var html = run.Outputs.Single(o => o.Type == "execute_result").Content.GetProperty("data").GetProperty("text/html").GetString()!;
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
