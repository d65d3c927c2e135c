using Microsoft.Data.Analysis;

namespace Workbench.Networks.Prevalence;

/// <summary>The matched groups (sizes to report) and the comparison table.</summary>
/// <param name="Sample">Cases, controls, weights and unmatched cases.</param>
/// <param name="Comparison">The table of <see cref="PrevalenceComparison.Compare"/>.</param>
public sealed record YouthStudyResult(MatchedSample Sample, DataFrame Comparison);
