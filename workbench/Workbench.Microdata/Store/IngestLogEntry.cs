namespace Workbench.Microdata.Store;

/// <summary>One row of the store's <c>_ingest_log</c>: the delivery a dataset's table was built from.</summary>
/// <param name="Dataset">The dataset (table) name.</param>
/// <param name="File">The delivery file, relative to the delivery directory.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the delivered file.</param>
/// <param name="ManifestVersion">The version from <c>manifest.json</c>, when the delivery had one.</param>
/// <param name="RowsRead">Data rows in the file.</param>
/// <param name="RowsAccepted">Rows stored.</param>
/// <param name="RowsQuarantined">Rows rejected into quarantine.</param>
/// <param name="IngestedAt">When the table was written (UTC).</param>
/// <param name="KeyFingerprint">Fingerprint of the master key the pseudonyms were made with.</param>
public sealed record IngestLogEntry(
    string Dataset, string File, string Sha256, string? ManifestVersion, long RowsRead, long RowsAccepted,
    long RowsQuarantined, DateTimeOffset IngestedAt, string KeyFingerprint);
