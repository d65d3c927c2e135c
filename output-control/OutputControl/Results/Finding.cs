namespace OutputControl.Results;

/// <summary>A whole-output problem: the rule (<c>differencing</c>, <c>residualDf</c>, <c>manualReview</c>,
/// <c>secondary</c>, <c>audit</c>, <c>cellKey</c>) and a readable detail.</summary>
public sealed record Finding(string Rule, string Detail);
