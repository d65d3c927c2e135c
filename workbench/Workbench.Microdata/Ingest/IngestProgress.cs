namespace Workbench.Microdata.Ingest;

/// <summary>Progress of the dataset being ingested.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="RowsRead">Data rows read so far.</param>
/// <param name="RowsAccepted">Rows stored so far.</param>
/// <param name="RowsQuarantined">Rows quarantined so far.</param>
/// <param name="Completed">Whether this is the dataset's final report.</param>
public readonly record struct IngestProgress(
    string Dataset, long RowsRead, long RowsAccepted, long RowsQuarantined, bool Completed);
