namespace OutputControl.Requests;

/// <summary>One field of a policy that is weaker than the policy it is held against, and how (for the error it becomes).</summary>
/// <param name="Field">The field's JSON path, such as <c>policy.minUnits</c>.</param>
/// <param name="Problem">What is weaker, with both values.</param>
public sealed record PolicyWeakening(string Field, string Problem);
