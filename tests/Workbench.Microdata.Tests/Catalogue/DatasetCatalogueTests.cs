using Workbench.Microdata.Catalogue;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Catalogue;

public sealed class DatasetCatalogueTests : IDisposable
{
    private readonly IngestedStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Read_IngestedStore_ListsEveryDatasetWithRowsAndDelivery()
    {
        var catalogue = DatasetCatalogue.Read(_store.StorePath);

        Assert.Equal(Datasets.All.Select(d => d.Name), catalogue.Select(e => e.Dataset));
        var persons = catalogue.Single(e => e.Dataset == Datasets.Persons);
        Assert.Equal(_store.Builder.Bsns.Count, persons.Rows);
        Assert.Equal("2025-12-31.1", persons.DeliveryVersion);
        Assert.Equal(_store.Report[Datasets.Persons].Sha256, persons.DeliverySha256);
        Assert.Equal(_store.Time.GetUtcNow(), persons.IngestedAt);
        Assert.Equal("RvIG (BRP, municipal personal records)", persons.Agency);
        Assert.All(catalogue, e => Assert.True(e.IsIngested));
    }

    [Fact]
    public void Read_IngestedStore_ColumnsHaveStoreTypeAndSensitivityAndNoDroppedColumns()
    {
        var persons = DatasetCatalogue.Read(_store.StorePath).Single(e => e.Dataset == Datasets.Persons);

        Assert.Equal(["person_id", "birth_year", "sex", "buurt_code", "household_id"], persons.Columns.Select(c => c.Name));
        var personId = persons.Columns[0];
        Assert.Equal(("BIGINT", Sensitivity.Pseudonym), (personId.StoreType, personId.Sensitivity));
        Assert.Equal(("SMALLINT", Sensitivity.QuasiIdentifier), (persons.Columns[1].StoreType, persons.Columns[1].Sensitivity));
        Assert.DoesNotContain(persons.Columns, c => c.Sensitivity == Sensitivity.DirectIdentifier);
    }

    [Fact]
    public void Describe_NeverIngested_HasNoRows()
    {
        var entry = DatasetCatalogue.Describe(Datasets.JobsDataset, null);

        Assert.False(entry.IsIngested);
        Assert.Null(entry.IngestedAt);
        Assert.Equal(4, entry.Columns.Count);
    }
}
