namespace Workbench.Microdata.Ingest;

/// <summary>The outcome of one ingest run, one entry per dataset in ingest order.</summary>
/// <param name="StorePath">The store written.</param>
/// <param name="KeyFingerprint">Fingerprint of the master key used.</param>
/// <param name="Datasets">Per dataset, in <see cref="Schema.Datasets.All"/> order.</param>
/// <param name="Elapsed">Time of the whole run.</param>
public sealed record IngestReport(
    string StorePath, string KeyFingerprint, IReadOnlyList<DatasetIngestResult> Datasets, TimeSpan Elapsed)
{
    /// <summary>Data rows read in this run (unchanged datasets not counted).</summary>
    public long RowsRead => Datasets.Where(d => d.Status != DatasetIngestStatus.Unchanged).Sum(d => d.RowsRead);

    /// <summary>Rows quarantined in this run.</summary>
    public long RowsQuarantined => Datasets.Where(d => d.Status != DatasetIngestStatus.Unchanged).Sum(d => d.RowsQuarantined);

    /// <summary>The result for one dataset.</summary>
    public DatasetIngestResult this[string dataset] =>
        Datasets.FirstOrDefault(d => d.Dataset == dataset) ?? throw new KeyNotFoundException($"no result for dataset '{dataset}'");
}
