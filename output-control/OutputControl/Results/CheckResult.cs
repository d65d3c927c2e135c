using OutputControl.Requests;

namespace OutputControl.Results;

/// <summary>The gateway's result document: verdict, cells, findings and the effective policy.</summary>
public sealed record CheckResult(Verdict Verdict, IReadOnlyList<CellResult> Cells, IReadOnlyList<Finding> Findings, Policy Policy);
