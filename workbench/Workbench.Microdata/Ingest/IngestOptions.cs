namespace Workbench.Microdata.Ingest;

/// <summary>Options of one ingest run.</summary>
public sealed class IngestOptions
{
    /// <summary>
    /// Where rejected records go, one <c>&lt;dataset&gt;.csv</c> each (created owner-only: they hold raw identifiers).
    /// Defaults to <c>quarantine/</c> inside the delivery directory; never put it next to the store.
    /// </summary>
    public string? QuarantineDirectory { get; init; }

    /// <summary>How many rows between two progress reports.</summary>
    public int ProgressInterval { get; init; } = 1 << 20;
}
