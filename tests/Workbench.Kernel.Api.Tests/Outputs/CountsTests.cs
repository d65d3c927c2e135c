using Microsoft.Data.Analysis;
using OutputControl.Results;
using Workbench.Api;

namespace Workbench.Kernel.Api.Tests.Outputs;

/// <summary>Tables of counts computed elsewhere, in the shape of the network library's prevalence comparison.</summary>
public sealed class CountsTests
{
    private static DataFrame Comparison() => new(
        new StringDataFrameColumn("layer", ["family", "family", "criminal", "criminal"]),
        new Int32DataFrameColumn("hops", [1, 2, 1, 2]),
        new Int32DataFrameColumn("case_egos", [40, 40, 40, 40]),
        new Int32DataFrameColumn("case_egos_with_factor", [3, 12, 25, 31]));

    [Fact]
    public void Counts_OneRowPerCell_CellsCarryValueAndUnits()
    {
        var request = Output.Counts(Comparison(), "case_egos_with_factor", "case_egos_with_factor")
            .By("layer", total: null).By("hops", total: null).Build();

        Assert.Equal(["criminal", "family"], request.Table.Dimensions[0].Categories);
        Assert.Equal(["1", "2"], request.Table.Dimensions[1].Categories);
        Assert.Equal(["family|1=3/3", "family|2=12/12", "criminal|1=25/25", "criminal|2=31/31"],
            request.Table.Cells.Select(c => $"{string.Join('|', c.Key)}={c.Value}/{c.Units}"));
        var preview = request.Preview();
        Assert.Equal(CellStatus.Primary, preview.Result.Cells.Single(c => c.Key.SequenceEqual(["family", "1"])).Status);
    }

    [Fact]
    public void Counts_WithMargin_RefusedBecauseUnitsDoNotAdd()
    {
        var e = Assert.Throws<ArgumentException>(() => Output.Counts(Comparison(), "case_egos_with_factor", "case_egos_with_factor").By("layer").By("hops", total: null).Build());
        Assert.Contains("use By(\"layer\", total: null)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_DuplicateCell_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Output.Counts(Comparison(), "case_egos", "case_egos_with_factor").By("layer", total: null).Build());
        Assert.Equal("cell ['family'] appears in more than one row (row 1)", e.Message);
    }

    [Fact]
    public void Counts_MoreUnitsThanValue_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Output.Counts(Comparison(), "case_egos_with_factor", "case_egos").By("layer", total: null).By("hops", total: null).Build());
        Assert.StartsWith("row 0: 'case_egos_with_factor' = 3 and 'case_egos' = 40 must be whole numbers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_OnCountsTable_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => Output.Counts(Comparison(), "case_egos", "case_egos").Count("case_egos"));
    }
}
