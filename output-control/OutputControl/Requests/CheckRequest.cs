namespace OutputControl.Requests;

/// <summary>A request to the gateway: the policy, the output and the earlier released outputs to compare with.</summary>
public sealed record CheckRequest(Policy Policy, Output Output, IReadOnlyList<Output> Previous);
