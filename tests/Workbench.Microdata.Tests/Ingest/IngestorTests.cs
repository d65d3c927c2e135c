using Microsoft.Extensions.Time.Testing;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Ingest;

public sealed partial class IngestorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));
    private readonly Workbench.Microdata.Pseudonymisation.PseudonymKey _key = TestKeys.Random();

    private string Delivery => _temp.File("delivery");

    private string StorePath => _temp.File("store.duckdb");

    public void Dispose()
    {
        _key.Dispose();
        _temp.Dispose();
    }

    private IngestReport Ingest(DeliveryBuilder builder, string? manifestVersion = null)
    {
        builder.Write(Delivery, manifestVersion);
        return new Ingestor(_time).Ingest(Delivery, StorePath, _key);
    }

    [Fact]
    public void Ingest_ValidDelivery_StoresEveryDatasetWithAllRows()
    {
        var builder = new DeliveryBuilder();

        var report = Ingest(builder);

        Assert.Equal(Datasets.All.Select(d => d.Name), report.Datasets.Select(d => d.Dataset));
        foreach (var dataset in Datasets.All)
        {
            var result = report[dataset.Name];
            Assert.Equal(DatasetIngestStatus.Ingested, result.Status);
            Assert.Equal(builder.Lines(dataset.Name).Count, result.RowsRead);
            Assert.Equal(0, result.RowsQuarantined);
            Assert.Equal(result.RowsRead, Convert.ToInt64(StoreContents.Scalar(StorePath, $"SELECT count(*) FROM {dataset.Name}"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Ingest_ValidDelivery_NoDirectIdentifierInAnyColumnOfAnyTable()
    {
        var builder = new DeliveryBuilder();
        Ingest(builder);
        var identifiers = builder.DirectIdentifiers.ToList();

        var leaks = StoreContents.Cells(StorePath)
            .Where(c => identifiers.Any(id => c.Value == id || (c.Type == "VARCHAR" && c.Value.Contains(id, StringComparison.Ordinal))))
            .Select(c => $"{c.Table}.{c.Column} = {c.Value}")
            .ToList();

        Assert.Empty(leaks);
        Assert.NotEmpty(identifiers);
    }

    [Fact]
    public void Ingest_ValidDelivery_StoresCoarsenedValuesWithSchemaTypes()
    {
        var builder = new DeliveryBuilder();
        Ingest(builder);

        var cells = StoreContents.Cells(StorePath);

        var birthYears = cells.Where(c => c is { Table: "persons", Column: "birth_year" }).ToList();
        Assert.All(birthYears, c => Assert.Equal("SMALLINT", c.Type));
        Assert.Contains(birthYears, c => c.Value == builder.BirthDates[0][..4]);
        Assert.All(cells.Where(c => c is { Table: "suspects", Column: "offence_month" }), c => Assert.EndsWith("-01", c.Value, StringComparison.Ordinal));
        Assert.All(cells.Where(c => c.Column == "person_id"), c => Assert.Equal("BIGINT", c.Type));
        Assert.All(cells.Where(c => c is { Table: "persons", Column: "buurt_code" }), c => Assert.Contains(c.Value, builder.Buurten));
        Assert.All(cells.Where(c => c is { Table: "buildings", Column: "vacant" }), c => Assert.Equal("BOOLEAN", c.Type));
        Assert.DoesNotContain(cells, c => c.Column is "straat" or "postcode" or "voornamen" or "geslachtsnaam");
    }

    [Fact]
    public void Ingest_SameBsnInTwoDatasets_SameMasterPseudonym()
    {
        Ingest(new DeliveryBuilder());

        var unlinked = StoreContents.Scalar(StorePath,
            "SELECT count(*) FROM incomes i LEFT JOIN persons p USING (person_id) WHERE p.person_id IS NULL");

        Assert.Equal(0L, Convert.ToInt64(unlinked, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ingest_MissingFile_RefusedNamingTheFile()
    {
        new DeliveryBuilder().Write(Delivery);
        File.Delete(Path.Combine(Delivery, Datasets.JobsDataset.RawFile));

        var error = Assert.Throws<DeliveryException>(() => new Ingestor(_time).Ingest(Delivery, StorePath, _key));

        Assert.Equal(DeliveryProblem.MissingFile, error.Problem);
        Assert.Equal(Datasets.Jobs, error.Dataset);
        Assert.Contains("banen.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_HeaderMismatch_RefusedNamingFileAndColumn()
    {
        new DeliveryBuilder().Write(Delivery);
        var path = Path.Combine(Delivery, Datasets.IncomesDataset.RawFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("jaar;", "belastingjaar;", StringComparison.Ordinal));

        var error = Assert.Throws<DeliveryException>(() => new Ingestor(_time).Ingest(Delivery, StorePath, _key));

        Assert.Equal(DeliveryProblem.HeaderMismatch, error.Problem);
        Assert.Contains("inkomens.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 2 is 'belastingjaar', expected 'jaar'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_ManifestHashMismatch_Refused()
    {
        new DeliveryBuilder().Write(Delivery, manifestVersion: "2025-12-31.1");
        File.AppendAllText(Path.Combine(Delivery, Datasets.SuspectsDataset.RawFile), "BVH-99999;123456782;2024-01-01;geweld;GM0363\n");

        var error = Assert.Throws<DeliveryException>(() => new Ingestor(_time).Ingest(Delivery, StorePath, _key));

        Assert.Equal(DeliveryProblem.ManifestHashMismatch, error.Problem);
        Assert.Equal(Datasets.Suspects, error.Dataset);
    }

    [Fact]
    public void Ingest_WithManifest_RecordsVersionHashAndTimeInLog()
    {
        var report = Ingest(new DeliveryBuilder(), manifestVersion: "2025-12-31.1");

        var cells = StoreContents.Cells(StorePath).Where(c => c.Table == "_ingest_log").ToList();

        Assert.Equal("2025-12-31.1", report[Datasets.Persons].ManifestVersion);
        Assert.Contains(cells, c => c.Column == "manifest_version" && c.Value == "2025-12-31.1");
        Assert.Contains(cells, c => c.Column == "ingested_at" && c.Value.StartsWith("2026-01-15 09:30:00", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Column == "key_fingerprint" && c.Value == _key.Fingerprint);
    }
}
