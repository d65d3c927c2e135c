namespace Workbench.Server.Outputs;

/// <summary>
/// Cell-key noise for recurring public tables (section <c>DisclosurePolicy:CellKey</c>): when configured, an output may
/// ask for <c>"policy": { "cellKey": … }</c> and its count table is then published with noise of at most
/// <see cref="MaxNoise"/> instead of suppressed and rounded, always under these parameters (one p-table, so the same
/// cell keeps its noise from release to release). Absent (the default) it is off and such a request is refused.
/// </summary>
public sealed class CellKeyNoiseOptions
{
    /// <summary>D, the largest noise (1 to 100).</summary>
    public int MaxNoise { get; set; }

    /// <summary>V, the noise variance (0 &lt; V ≤ D²).</summary>
    public decimal Variance { get; set; }
}
