using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Worker.Tests.Execution;

/// <summary>What a notebook can use without any #r: the analysis libraries the worker ships, and nothing it does not.</summary>
[Collection(SharedSession.Name)]
public sealed class ShippedLibrariesTests(SessionFixture fixture)
{
    private readonly CSharpSession session = fixture.Session;

    [Theory]
    [InlineData("new DataFrame(new Int32DataFrameColumn(\"n\", new[] { 1, 2, 3 })).Rows.Count", "3")]
    [InlineData("Output.Table(new DataFrame(new StringDataFrameColumn(\"g\", new[] { \"a\", \"b\" }), new StringDataFrameColumn(\"u\", new[] { \"1\", \"2\" }))).By(\"g\").Count(\"u\").Build().Table.Cells.Count", "3")]
    [InlineData("new Microsoft.ML.MLContext(seed: 1).Data.LoadFromEnumerable(new[] { new { X = 1f } }).Schema.Count", "1")]
    [InlineData("typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer).Name", "FastTreeBinaryTrainer")]
    [InlineData("typeof(Microsoft.ML.Trainers.KMeansTrainer).Name", "KMeansTrainer")]
    [InlineData("new QuikGraph.AdjacencyGraph<int, QuikGraph.Edge<int>>().VertexCount", "0")]
    [InlineData("typeof(Workbench.Networks.Core.LayerMask).Name", "LayerMask")]
    public async Task Execute_UsesShippedLibrary_CompilesAndRunsWithoutReference(string code, string expected)
    {
        var outcome = await session.ExecuteAsync(code, new RecordingSink(), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        Assert.Equal(expected, outcome.Result!.Plain);
    }

    [Fact]
    public async Task Execute_DataFrameResult_DisplaysAsStaticHtmlTable()
    {
        var outcome = await session.ExecuteAsync("new DataFrame(new Int32DataFrameColumn(\"persons\", new[] { 11, 12 }))", new RecordingSink(), CancellationToken.None);

        var html = (string)outcome.Result!.Data["text/html"];
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("persons", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Execute_ChartResult_DisplaysAsPngImage()
    {
        var outcome = await session.ExecuteAsync(
            "var plot = new ScottPlot.Plot(); plot.Add.Bars(new double[] { 3, 5, 2 }); plot.Title(\"Sites per year\"); plot",
            new RecordingSink(), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Value);
        var png = Convert.FromBase64String(outcome.Result!.Data["image/png"]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 2000, $"{png.Length} bytes: an empty picture?");
        Assert.Equal("chart (720×420 PNG)", outcome.Result.Plain);
    }

    [Fact]
    public async Task Execute_LibraryNotShipped_FailsToCompile()
    {
        var outcome = await session.ExecuteAsync("typeof(DuckDB.NET.Data.DuckDBConnection)", new RecordingSink(), CancellationToken.None);

        Assert.Equal(ExecutionError.CompilationError, outcome.Error!.Name);
    }
}
