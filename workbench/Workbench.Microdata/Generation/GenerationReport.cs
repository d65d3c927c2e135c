namespace Workbench.Microdata.Generation;

/// <summary>What a generation run wrote.</summary>
/// <param name="Rows">Data rows per dataset name (<see cref="Schema.Datasets"/>).</param>
/// <param name="Bytes">File size in bytes per dataset name.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Manifest">The manifest written next to the files.</param>
public sealed record GenerationReport(
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyDictionary<string, long> Bytes,
    TimeSpan Elapsed,
    Schema.DeliveryManifest Manifest)
{
    /// <summary>Total data rows over all files.</summary>
    public long TotalRows => Rows.Values.Sum();
}
