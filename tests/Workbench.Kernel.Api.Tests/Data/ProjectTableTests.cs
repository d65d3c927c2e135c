using OutputControl;
using OutputControl.Results;
using Workbench.Api;

namespace Workbench.Kernel.Api.Tests.Data;

/// <summary>Output builders over the real project view: in DuckDB (SQL) and in memory (DataFrame) they must agree.</summary>
[Collection(ProjectViewGroup.Name)]
public sealed class ProjectTableTests(ProjectViewFixture fixture) : IDisposable
{
    private readonly ProjectData _data = ProjectData.Open(fixture.ViewPath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void TableFromSql_Count_SameRequestAsFromLoadedFrame()
    {
        var inDuckDb = Output.Table(_data, "SELECT sex, person_id FROM persons").By("sex").Count("person_id").Build();
        var inMemory = Output.Table(_data.Load("persons", "sex", "person_id")).By("sex").Count("person_id").Build();

        Assert.Equal(inMemory.Json, inDuckDb.Json);
        Assert.Equal(_data.Catalogue.Dataset("persons").Rows, (long)inDuckDb.Table.Cells.Single(c => c.Key[0] == "Totaal").Value);
    }

    [Fact]
    public void TableFromSql_CellKeyNoise_SameKeysAndNoiseAsFromLoadedFrame()
    {
        // A unit's record key comes from its id as the builder reads it: both paths must read the same id.
        var inDuckDb = Output.Table(_data, "SELECT buurt_code, sex, person_id FROM persons").By("buurt_code").By("sex").Count("person_id").WithCellKeyNoise(3, 2m);
        var inMemory = Output.Table(_data.Load("persons", "buurt_code", "sex", "person_id")).By("buurt_code").By("sex").Count("person_id").WithCellKeyNoise(3, 2m);

        Assert.Equal(inMemory.Build().Json, inDuckDb.Build().Json);
        Assert.All(inDuckDb.Build().Table.Cells, c => Assert.NotNull(c.CellKey));
        Assert.Equal(ResultJson.Write(inMemory.Preview().Result), ResultJson.Write(inDuckDb.Preview().Result));
    }

    [Fact]
    public void TableFromSql_SumOverJoin_SameRequestAsFromFrameAndPreviewMatchesChecker()
    {
        const string sql = "SELECT p.sex, i.year, i.person_id, greatest(i.personal_income_eur, 0) AS income " +
                           "FROM incomes i JOIN persons p USING (person_id);";
        var inDuckDb = Output.Table(_data, sql).By("sex").By("year").Sum("income", "person_id").Build();
        var inMemory = Output.Table(_data.Sql(sql)).By("sex").By("year").Sum("income", "person_id").Build();

        Assert.Equal(inMemory.Json, inDuckDb.Json);
        var total = inDuckDb.Table.Cells.Single(c => c.Key.All(k => k == "Totaal"));
        var persons = (long)_data.Sql("SELECT count(DISTINCT person_id) FROM incomes").Columns[0][0];
        Assert.Equal(persons, total.Units);
        Assert.Equal(ResultJson.Write(OutputChecker.Check(inDuckDb.Json)), inDuckDb.Preview().ToJson());
    }

    [Fact]
    public void TableFromSql_EscapeInsideTheQuery_Refused()
    {
        var table = Output.Table(_data, "SELECT column0 AS line, column0 AS unit FROM read_csv('/etc/passwd')").By("line").Count("unit");

        Assert.Throws<ProjectSqlException>(() => table.Build());
    }
}
