using Microsoft.Data.Analysis;
using OutputControl.Requests;
using Workbench.Api;
using Output = Workbench.Api.Output;

namespace Workbench.Kernel.Api.Tests.Outputs;

public sealed class TableBuilderTests
{
    private static CellInput Cell(TableRequest request, params string[] key) =>
        request.Table.Cells.Single(c => c.Key.SequenceEqual(key));

    [Fact]
    public void Count_RepeatedRecordsOfOneUnit_UnitsAreDistinct()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").Build();

        Assert.Equal((3m, 2L), (Cell(request, "A").Value, Cell(request, "A").Units));
        Assert.Equal((12m, 12L), (Cell(request, "B").Value, Cell(request, "B").Units));
        Assert.Equal((15m, 14L), (Cell(request, "Totaal").Value, Cell(request, "Totaal").Units));
        Assert.All(request.Table.Cells, c => Assert.Null(c.Contributions));
    }

    [Fact]
    public void Count_TwoDimensions_EveryMarginAndOnlyOccupiedInnerCells()
    {
        var frame = Frames.Records(("A", "M", 1, 0), ("A", "M", 2, 0), ("B", "V", 3, 0));

        var request = Output.Table(frame).By("gemeente").By("sex").Count("person_id").Build();

        Assert.Equal(
            ["A|M", "A|Totaal", "B|V", "B|Totaal", "Totaal|M", "Totaal|V", "Totaal|Totaal"],
            request.Table.Cells.Select(c => string.Join('|', c.Key)));
        Assert.Equal((2m, 2L), (Cell(request, "A", "M").Value, Cell(request, "A", "M").Units));
        Assert.Equal((3m, 3L), (Cell(request, "Totaal", "Totaal").Value, Cell(request, "Totaal", "Totaal").Units));
        Assert.Equal(["A", "B"], request.Table.Dimensions[0].Categories);
        Assert.Equal(["M", "V"], request.Table.Dimensions[1].Categories);
    }

    [Fact]
    public void Count_NoTotal_NoMarginCells()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente", total: null).Count("person_id").Build();

        Assert.Equal(["A", "B"], request.Table.Cells.Select(c => c.Key[0]));
        Assert.Contains("\"total\":null", request.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sum_UnitWithSeveralRecords_ContributesItsTotal()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Sum("income", "person_id").Build();

        var a = Cell(request, "A");
        Assert.Equal(160m, a.Value);
        Assert.Equal(2L, a.Units);
        Assert.Equal([150m, 10m], a.Contributions!);
        var total = Cell(request, "Totaal");
        Assert.Equal(12_160m, total.Value);
        Assert.Equal(14, total.Contributions!.Count);
        Assert.Equal(total.Value, total.Contributions.Sum());
    }

    [Fact]
    public void By_GivenCategories_MissingOnesAreStructuralZerosInThatOrder()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente", categories: ["B", "A", "C"]).Count("person_id").Build();

        Assert.Equal(["B", "A", "C"], request.Table.Dimensions[0].Categories);
        Assert.DoesNotContain(request.Table.Cells, c => c.Key[0] == "C");
        Assert.Equal(15m, Cell(request, "Totaal").Value);
    }

    [Fact]
    public void By_NumericCategories_SortedAsNumbers()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("year", [2025, 987, 10]), new Int64DataFrameColumn("person_id", [1, 2, 3]));

        var request = Output.Table(frame).By("year").Count("person_id").Build();

        Assert.Equal(["10", "987", "2025"], request.Table.Dimensions[0].Categories);
    }

    [Fact]
    public void By_ValueOutsideGivenCategories_RefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Output.Table(Frames.TwoMunicipalities()).By("gemeente", categories: ["A"]).Count("person_id").Build());
        Assert.Contains("column 'gemeente' holds 'B', which is not among the categories given (A)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_CategoryEqualToTotalLabel_Refused()
    {
        var frame = Frames.Records(("Totaal", "M", 1, 0));
        var e = Assert.Throws<ArgumentException>(() => Output.Table(frame).By("gemeente").Count("person_id").Build());
        Assert.Contains("has a category 'Totaal', the label of its total", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingDimensionValue_RefusedNamingColumnAndRow()
    {
        var frame = new DataFrame(new StringDataFrameColumn("gemeente", ["A", null]), new Int64DataFrameColumn("person_id", [1, 2]));
        var e = Assert.Throws<ArgumentException>(() => Output.Table(frame).By("gemeente").Count("person_id").Build());
        Assert.StartsWith("column 'gemeente' is empty in row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sum_NegativeContribution_Refused()
    {
        var frame = Frames.Records(("A", "M", 1, -5));
        var e = Assert.Throws<ArgumentException>(() => Output.Table(frame).By("gemeente").Sum("income", "person_id").Build());
        Assert.StartsWith("unit 1 contributes -5 to cell ['A']", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownColumn_RefusedListingColumns()
    {
        var e = Assert.Throws<ArgumentException>(() => Output.Table(Frames.TwoMunicipalities()).By("wijk").Count("person_id").Build());
        Assert.Equal("the data has no column 'wijk' (columns: gemeente, sex, person_id, income)", e.Message);
    }

    [Fact]
    public void Build_NoMeasure_SaysWhatIsMissing()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Output.Table(Frames.TwoMunicipalities()).By("gemeente").Build());
        Assert.Contains("Count(unitColumn) or Sum(valueColumn, unitColumn)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsTheContractsRequest_ParsedBackToTheSameTable()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente").By("sex").Sum("income", "person_id").Build();

        var parsed = RequestParser.Parse(request.Json);

        var table = Assert.IsType<TableOutput>(parsed.Output);
        Assert.Empty(parsed.Previous);
        Assert.Equal(Policy.Default, parsed.Policy);
        Assert.Equal(Measure.Sum, table.Measure);
        Assert.Equal(request.Table.Cells.Select(c => (string.Join('|', c.Key), c.Value, c.Units, c.Contributions!.Sum())),
            table.Cells.Select(c => (string.Join('|', c.Key), c.Value, c.Units, c.Contributions!.Sum())));
    }
}
