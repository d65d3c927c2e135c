namespace Workbench.Microdata.Ingest;

/// <summary>The outcome for one dataset. Always <c>RowsRead == RowsAccepted + RowsQuarantined</c>.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="File">The delivery file, relative to the delivery directory.</param>
/// <param name="Status">Ingested, replaced or unchanged.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="ManifestVersion">The version from <c>manifest.json</c>, if any.</param>
/// <param name="RowsRead">Data rows in the file.</param>
/// <param name="RowsAccepted">Rows stored.</param>
/// <param name="RowsQuarantined">Rows rejected.</param>
/// <param name="QuarantineReasons">Rejected rows per reason (<c>"bsn: fails 11-proof"</c>), without values.</param>
/// <param name="QuarantineFile">The quarantine file, when this run rejected rows.</param>
/// <param name="Elapsed">Time spent on the dataset (zero when unchanged).</param>
/// <param name="Note">Why it was skipped or re-ingested (<c>"unchanged"</c>, <c>"persons was re-ingested"</c>).</param>
public sealed record DatasetIngestResult(
    string Dataset, string File, DatasetIngestStatus Status, string Sha256, string? ManifestVersion,
    long RowsRead, long RowsAccepted, long RowsQuarantined, IReadOnlyDictionary<string, long> QuarantineReasons,
    string? QuarantineFile, TimeSpan Elapsed, string? Note)
{
    /// <summary>Rows read per second, or 0 when nothing was read.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsRead / Elapsed.TotalSeconds : 0;
}
