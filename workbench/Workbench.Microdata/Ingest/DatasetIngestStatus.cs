namespace Workbench.Microdata.Ingest;

/// <summary>What an ingest run did with one dataset.</summary>
public enum DatasetIngestStatus
{
    /// <summary>The store had no table for it; one was created.</summary>
    Ingested,

    /// <summary>The file (or a dataset it depends on) changed; its table was replaced in one transaction.</summary>
    Replaced,

    /// <summary>Same file, same key, no dependency changed: skipped.</summary>
    Unchanged,
}
