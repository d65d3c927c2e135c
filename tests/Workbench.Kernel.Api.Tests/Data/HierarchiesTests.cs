using OutputControl.Requests;
using Workbench.Api;
using Output = Workbench.Api.Output;

namespace Workbench.Kernel.Api.Tests.Data;

/// <summary>The areas hierarchy from a real project view, and tables over it against DuckDB's own counts.</summary>
[Collection(ProjectViewGroup.Name)]
public sealed class HierarchiesTests(ProjectViewFixture fixture)
{
    [Fact]
    public void Areas_ProjectWithAreas_EveryBuurtUnderItsWijkAndGemeente()
    {
        using var data = ProjectData.Open(fixture.AreasViewPath);
        var areas = data.Sql("SELECT buurt_code, wijk_code, gemeente_code FROM areas");

        var hierarchy = data.Areas;

        Assert.Equal(areas.Rows.Count, hierarchy.Codes.Count(c => hierarchy.Ancestors(c).Count == 2));
        for (long r = 0; r < areas.Rows.Count; r++)
        {
            Assert.Equal([(string)areas.Columns[1][r], (string)areas.Columns[2][r]], hierarchy.Ancestors((string)areas.Columns[0][r]));
        }
    }

    [Fact]
    public void TableByWijk_AreasHierarchy_GemeenteSubtotalsAreDistinctPersons()
    {
        using var data = ProjectData.Open(fixture.AreasViewPath);

        var request = Output.Table(data, "SELECT a.wijk_code, p.person_id FROM persons p JOIN areas a USING (buurt_code)")
            .By("wijk_code", hierarchy: data.Areas).Count("person_id").Build();

        var expected = data.Sql("SELECT a.gemeente_code, count(DISTINCT p.person_id) AS n FROM persons p JOIN areas a USING (buurt_code) GROUP BY 1");
        Assert.NotEqual(0, expected.Rows.Count);
        for (long r = 0; r < expected.Rows.Count; r++)
        {
            var cell = request.Table.Cells.Single(c => c.Key[0] == (string)expected.Columns[0][r]);
            Assert.Equal(Convert.ToInt64(expected.Columns[1][r], System.Globalization.CultureInfo.InvariantCulture), cell.Units);
        }
        var parsed = Assert.IsType<TableOutput>(RequestParser.Parse(request.Json).Output);
        Assert.Equal(request.Table.Dimensions[0].Parents, parsed.Dimensions[0].Parents);
        Assert.All(parsed.Dimensions[0].Parents!, p => Assert.StartsWith(p.Key.StartsWith("WK", StringComparison.Ordinal) ? "GM" : "?", p.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Areas_ProjectWithoutAreas_RefusedNamingTheDatasetAndAllowlist()
    {
        using var data = ProjectData.Open(fixture.ViewPath);

        var e = Assert.Throws<ArgumentException>(() => data.Areas);

        Assert.StartsWith(
            "the areas hierarchy is read from the dataset 'areas', which this project's allowlist lacks: ask for 'areas' with buurt_code, wijk_code, gemeente_code (allowed: persons, incomes)",
            e.Message, StringComparison.Ordinal);
    }
}
