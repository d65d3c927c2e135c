namespace Workbench.Microdata.Generation;

/// <summary>Progress of a generation run.</summary>
/// <param name="Stage">The stage that just started or finished (human readable).</param>
/// <param name="Fraction">Overall progress, 0 to 1.</param>
public readonly record struct GenerationProgress(string Stage, double Fraction);
