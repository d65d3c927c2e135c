using Microsoft.Data.Analysis;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Store;

public sealed class AnalyticalStoreTests : IDisposable
{
    private readonly IngestedStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Tables_IngestedStore_ListsEveryDatasetButNotBookkeeping()
    {
        using var store = AnalyticalStore.OpenReadOnly(_store.StorePath);

        Assert.Equal(Datasets.All.Select(d => d.Name).Order(StringComparer.Ordinal), store.Tables());
    }

    [Fact]
    public void Query_StoredTypes_MapToTypedDataFrameColumns()
    {
        using var store = AnalyticalStore.OpenReadOnly(_store.StorePath);

        var frame = store.Query("SELECT person_id, birth_year, sex, buurt_code FROM persons ORDER BY person_id");
        var months = store.Query("SELECT offence_month FROM suspects");
        var flags = store.Query("SELECT vacant, woz_value_eur FROM buildings");

        Assert.IsType<Int64DataFrameColumn>(frame.Columns["person_id"]);
        Assert.IsType<Int16DataFrameColumn>(frame.Columns["birth_year"]);
        Assert.IsType<StringDataFrameColumn>(frame.Columns["sex"]);
        Assert.IsType<PrimitiveDataFrameColumn<DateTime>>(months.Columns["offence_month"]);
        Assert.IsType<BooleanDataFrameColumn>(flags.Columns["vacant"]);
        Assert.IsType<Int64DataFrameColumn>(flags.Columns["woz_value_eur"]);
        Assert.Equal(_store.Builder.Bsns.Count, frame.Rows.Count);
        Assert.Equal(1, ((DateTime)months.Columns["offence_month"][0]!).Day);
    }

    [Fact]
    public void Query_NullableColumn_KeepsNulls()
    {
        using var store = AnalyticalStore.OpenReadOnly(_store.StorePath);

        var frame = store.Query("SELECT owner_person_id, owner_company_id FROM buildings");

        Assert.True(frame.Columns["owner_person_id"].NullCount > 0);
        Assert.True(frame.Columns["owner_company_id"].NullCount > 0);
        Assert.True(frame.Columns["owner_person_id"].NullCount < frame.Rows.Count);
    }

    [Fact]
    public void Query_WithParameter_Filters()
    {
        using var store = AnalyticalStore.OpenReadOnly(_store.StorePath);

        var frame = store.Query("SELECT count(*) AS n FROM suspects WHERE offence = $offence",
            new Dictionary<string, object?> { ["offence"] = "drugs_hard" });

        Assert.True((long)frame.Columns["n"][0]! > 0);
    }

    [Fact]
    public void Query_Write_RefusedBecauseReadOnly()
    {
        using var store = AnalyticalStore.OpenReadOnly(_store.StorePath);

        Assert.ThrowsAny<Exception>(() => store.Query("DELETE FROM persons"));
    }

    [Fact]
    public void OpenReadOnly_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => AnalyticalStore.OpenReadOnly(_store.File("absent.duckdb")));
    }
}
