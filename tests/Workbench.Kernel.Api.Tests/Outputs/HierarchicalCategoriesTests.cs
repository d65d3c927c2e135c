using Microsoft.Data.Analysis;
using OutputControl;
using OutputControl.Requests;
using OutputControl.Results;
using Workbench.Api;
using Output = Workbench.Api.Output;

namespace Workbench.Kernel.Api.Tests.Outputs;

/// <summary>
/// <c>By(column, hierarchy:)</c>: subtotal categories and parents, every subtotal cell from the records. The expected
/// cells are worked out by hand from <see cref="Persons"/>.
/// </summary>
public sealed class HierarchicalCategoriesTests
{
    // Gemeente GM1: wijk WK1 (buurten BU11, BU12) and WK2 (buurt BU21).
    private static readonly CategoryHierarchy s_areas = CategoryHierarchy.FromChains("areas",
        [["BU11", "WK1", "GM1"], ["BU12", "WK1", "GM1"], ["BU21", "WK2", "GM1"]]);

    /// <summary>
    /// Person 1 has a record in BU11 (income 100, sex M) and one in BU12 (50, M): one unit in two buurten of WK1.
    /// BU11: persons 1, 2; BU12: 1, 3; BU21: 4, 5.
    /// </summary>
    private static DataFrame Persons() => new(
        new StringDataFrameColumn("buurt", ["BU11", "BU11", "BU12", "BU12", "BU21", "BU21"]),
        new StringDataFrameColumn("wijk", ["WK1", "WK1", "WK1", "WK1", "WK2", "WK2"]),
        new StringDataFrameColumn("sex", ["M", "V", "M", "V", "M", "V"]),
        new Int64DataFrameColumn("person_id", [1, 2, 1, 3, 4, 5]),
        new Int64DataFrameColumn("income", [100, 10, 50, 20, 40, 5]));

    private static CellInput Cell(TableRequest request, params string[] key) =>
        request.Table.Cells.Single(c => c.Key.SequenceEqual(key));

    [Fact]
    public void By_Hierarchy_LeavesThenAncestorsWithParents()
    {
        var request = Output.Table(Persons()).By("buurt", hierarchy: s_areas).Count("person_id").Build();

        var dimension = request.Table.Dimensions[0];
        Assert.Equal(["BU11", "BU12", "BU21", "WK1", "WK2", "GM1"], dimension.Categories);
        Assert.Equal(
            new Dictionary<string, string> { ["BU11"] = "WK1", ["BU12"] = "WK1", ["BU21"] = "WK2", ["WK1"] = "GM1", ["WK2"] = "GM1" },
            dimension.Parents);
        Assert.Equal("Totaal", dimension.Total);
    }

    [Fact]
    public void Count_UnitInTwoBuurtenOfOneWijk_SubtotalCountsItOnce()
    {
        var request = Output.Table(Persons()).By("buurt", hierarchy: s_areas).Count("person_id").Build();

        // Each subtotal follows its children, so the preview reads as a tree.
        Assert.Equal(
            [("BU11", 2m, 2L), ("BU12", 2m, 2L), ("WK1", 4m, 3L), ("BU21", 2m, 2L), ("WK2", 2m, 2L), ("GM1", 6m, 5L), ("Totaal", 6m, 5L)],
            request.Table.Cells.Select(c => (c.Key[0], c.Value, c.Units)));
    }

    [Fact]
    public void Sum_Subtotal_ContributionsPerUnitAtThatLevel()
    {
        var request = Output.Table(Persons()).By("buurt", hierarchy: s_areas).Sum("income", "person_id").Build();

        Assert.Equal((180m, 3L), (Cell(request, "WK1").Value, Cell(request, "WK1").Units));
        Assert.Equal([150m, 20m, 10m], Cell(request, "WK1").Contributions!);
        Assert.Equal([150m, 40m, 20m, 10m, 5m], Cell(request, "GM1").Contributions!);
        Assert.Equal([100m, 10m], Cell(request, "BU11").Contributions!);
    }

    [Fact]
    public void Count_HierarchyTimesFlatDimension_EverySubtotalCombinationFromRecords()
    {
        var request = Output.Table(Persons()).By("buurt", hierarchy: s_areas).By("sex").Count("person_id").Build();

        Assert.Equal((2m, 1L), (Cell(request, "WK1", "M").Value, Cell(request, "WK1", "M").Units));
        Assert.Equal((2m, 2L), (Cell(request, "WK1", "V").Value, Cell(request, "WK1", "V").Units));
        Assert.Equal((3m, 2L), (Cell(request, "GM1", "M").Value, Cell(request, "GM1", "M").Units));
        Assert.Equal((4m, 3L), (Cell(request, "WK1", "Totaal").Value, Cell(request, "WK1", "Totaal").Units));
        Assert.Equal((6m, 5L), (Cell(request, "GM1", "Totaal").Value, Cell(request, "GM1", "Totaal").Units));
        // 6 categories + total by 2 + total: inner cells present where records are, every margin listed.
        Assert.Equal(7 * 3, request.Table.Cells.Count);
    }

    [Fact]
    public void Count_HierarchyWithoutTotal_SubtotalsStillListed()
    {
        var request = Output.Table(Persons()).By("buurt", total: null, hierarchy: s_areas).By("sex", total: null).Count("person_id").Build();

        Assert.Equal((1m, 1L), (Cell(request, "WK2", "M").Value, Cell(request, "WK2", "M").Units));
        Assert.Equal((3m, 2L), (Cell(request, "GM1", "M").Value, Cell(request, "GM1", "M").Units));
        Assert.DoesNotContain(request.Table.Cells, c => c.Key.Contains("Totaal"));
    }

    [Fact]
    public void By_HigherLevelColumn_LeavesAreThatLevel()
    {
        var request = Output.Table(Persons()).By("wijk", hierarchy: s_areas).Count("person_id").Build();

        Assert.Equal(["WK1", "WK2", "GM1"], request.Table.Dimensions[0].Categories);
        Assert.Equal([("WK1", 4m, 3L), ("WK2", 2m, 2L), ("GM1", 6m, 5L), ("Totaal", 6m, 5L)],
            request.Table.Cells.Select(c => (c.Key[0], c.Value, c.Units)));
    }

    [Fact]
    public void By_GivenCategories_AncestorsOfThoseOnly()
    {
        var request = Output.Table(Persons()).By("wijk", categories: ["WK2", "WK1"], hierarchy: s_areas).Count("person_id").Build();

        Assert.Equal(["WK2", "WK1", "GM1"], request.Table.Dimensions[0].Categories);
    }

    [Fact]
    public void Json_Hierarchy_WritesParentsAndParsesBackToTheSameTable()
    {
        var request = Output.Table(Persons()).By("buurt", hierarchy: s_areas).By("sex").Sum("income", "person_id").Build();

        var table = Assert.IsType<TableOutput>(RequestParser.Parse(request.Json).Output);

        Assert.Contains("\"parents\":{\"BU11\":\"WK1\",\"BU12\":\"WK1\",\"BU21\":\"WK2\",\"WK1\":\"GM1\",\"WK2\":\"GM1\"}", request.Json, StringComparison.Ordinal);
        Assert.Equal(request.Table.Dimensions[0].Categories, table.Dimensions[0].Categories);
        Assert.Equal(request.Table.Dimensions[0].Parents, table.Dimensions[0].Parents);
        Assert.Null(table.Dimensions[1].Parents);
        Assert.Equal(request.Table.Cells.Select(c => (string.Join('|', c.Key), c.Value, c.Units, string.Join(',', c.Contributions!))),
            table.Cells.Select(c => (string.Join('|', c.Key), c.Value, c.Units, string.Join(',', c.Contributions!))));
    }

    [Fact]
    public void Preview_Hierarchy_CheckedWithSubtotalsShownBoldAfterTheirChildren()
    {
        var preview = Output.Table(Persons()).By("buurt", hierarchy: s_areas).Count("person_id").Preview();

        Assert.Equal(ResultJson.Write(OutputChecker.Check(Output.Table(Persons()).By("buurt", hierarchy: s_areas).Count("person_id").Build().Json)),
            preview.ToJson());
        Assert.Equal(["BU11", "BU12", "WK1", "BU21", "WK2", "GM1", "Totaal"], preview.Result.Cells.Select(c => c.Key[0]));
        var html = preview.ToHtml();
        Assert.Contains("<td><strong title=\"subtotal\">WK1</strong></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>BU11</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CodeTheHierarchyDoesNotKnow_RefusedNamingCodeAndColumn()
    {
        var frame = new DataFrame(new StringDataFrameColumn("buurt", ["BU11", "BU99"]), new Int64DataFrameColumn("person_id", [1, 2]));

        var e = Assert.Throws<ArgumentException>(() => Output.Table(frame).By("buurt", hierarchy: s_areas).Count("person_id").Build());

        Assert.StartsWith("column 'buurt' holds 'BU99', which the hierarchy 'areas' does not know", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ColumnMixingLevels_Refused()
    {
        var frame = new DataFrame(new StringDataFrameColumn("area", ["BU11", "WK1"]), new Int64DataFrameColumn("person_id", [1, 2]));

        var e = Assert.Throws<ArgumentException>(() => Output.Table(frame).By("area", hierarchy: s_areas).Count("person_id").Build());

        Assert.StartsWith("column 'area' mixes levels of the hierarchy 'areas': 'WK1' is above 'BU11'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SubtotalLabelEqualToTotal_Refused()
    {
        var hierarchy = CategoryHierarchy.FromChains("areas", [["BU11", "Totaal"]]);
        var frame = new DataFrame(new StringDataFrameColumn("buurt", ["BU11"]), new Int64DataFrameColumn("person_id", [1]));

        var e = Assert.Throws<ArgumentException>(() => Output.Table(frame).By("buurt", hierarchy: hierarchy).Count("person_id").Build());

        Assert.Contains("has a category 'Totaal', the label of its total", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_WithHierarchy_RefusedForNoMicrodata()
    {
        var frame = new DataFrame(new StringDataFrameColumn("buurt", ["BU11"]), new Int64DataFrameColumn("n", [12]));

        var e = Assert.Throws<ArgumentException>(() => Output.Counts(frame, "n", "n").By("buurt", total: null, hierarchy: s_areas).Build());

        Assert.Contains("no margins or subtotals", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_SbiDivisions_SectionsAsSubtotals()
    {
        var frame = new DataFrame(new StringDataFrameColumn("sbi_division", ["47", "10", "46", "47"]), new Int64DataFrameColumn("company_id", [1, 2, 3, 4]));

        var request = Output.Table(frame).By("sbi_division", hierarchy: Hierarchies.Sbi).Count("company_id").Build();

        Assert.Equal(["10", "46", "47", "C", "G"], request.Table.Dimensions[0].Categories);
        Assert.Equal([("10", 1m), ("C", 1m), ("46", 1m), ("47", 2m), ("G", 3m), ("Totaal", 4m)],
            request.Table.Cells.Select(c => (c.Key[0], c.Value)));
    }
}
