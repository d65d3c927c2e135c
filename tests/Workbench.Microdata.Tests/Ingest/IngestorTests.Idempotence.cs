using Workbench.Microdata.Ingest;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Ingest;

public sealed partial class IngestorTests
{
    [Fact]
    public void Ingest_RerunUnchanged_SkipsEveryDatasetAndLeavesStoreIdentical()
    {
        var builder = new DeliveryBuilder();
        Ingest(builder, manifestVersion: "v1");
        var before = StoreContents.Dump(StorePath);
        _time.Advance(TimeSpan.FromHours(1));

        var report = new Ingestor(_time).Ingest(Delivery, StorePath, _key);

        Assert.All(report.Datasets, d => Assert.Equal(DatasetIngestStatus.Unchanged, d.Status));
        Assert.All(report.Datasets, d => Assert.Equal("unchanged", d.Note));
        Assert.Equal(before, StoreContents.Dump(StorePath));
    }

    [Fact]
    public void Ingest_ChangedFile_ReplacesThatDatasetAndItsDependants()
    {
        var builder = new DeliveryBuilder();
        Ingest(builder);
        builder.Add(Datasets.Companies, $"49999999;Nieuw BV;47;bv;{builder.BagIds[0]};2020-01-01;3");

        var report = Ingest(builder);

        Assert.Equal(DatasetIngestStatus.Replaced, report[Datasets.Companies].Status);
        Assert.Equal("file changed", report[Datasets.Companies].Note);
        Assert.Equal(DatasetIngestStatus.Replaced, report[Datasets.Jobs].Status);
        Assert.Equal(DatasetIngestStatus.Unchanged, report[Datasets.Persons].Status);
        Assert.Equal(DatasetIngestStatus.Unchanged, report[Datasets.NetworkLinks].Status);
        Assert.Equal(builder.Lines(Datasets.Companies).Count,
            Convert.ToInt64(StoreContents.Scalar(StorePath, "SELECT count(*) FROM companies"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(StoreContents.Scalar(StorePath, "SELECT count(*) FROM _ingest_log WHERE dataset = 'companies'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ingest_ChangedFileFailingMidway_KeepsOldTable()
    {
        var builder = new DeliveryBuilder();
        Ingest(builder);
        var before = StoreContents.Dump(StorePath);
        builder.Add(Datasets.Incomes, $"{builder.Bsns[1]};2023;1");
        builder.Write(Delivery);
        using var cancellation = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Dataset == Datasets.Incomes) cancellation.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new Ingestor(_time).Ingest(Delivery, StorePath, _key, new IngestOptions { ProgressInterval = 1 }, progress, cancellation.Token));

        Assert.Equal(before, StoreContents.Dump(StorePath));
    }

    [Fact]
    public void Ingest_StoreMadeWithAnotherKey_Refused()
    {
        Ingest(new DeliveryBuilder());
        using var otherKey = TestKeys.Random();

        var error = Assert.Throws<StoreKeyMismatchException>(() => new Ingestor(_time).Ingest(Delivery, StorePath, otherKey));

        Assert.Equal(_key.Fingerprint, error.StoreFingerprint);
        Assert.Equal(otherKey.Fingerprint, error.KeyFingerprint);
        Assert.Contains("another pseudonym key", error.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
