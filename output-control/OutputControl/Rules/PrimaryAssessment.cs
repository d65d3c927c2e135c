namespace OutputControl.Rules;

/// <summary>The primary rules' verdict on one cell: whether it is a primary suppression, the protection it then
/// needs, the readable reasons, and whether it needs manual review (a sum cell without contributions).</summary>
public sealed record PrimaryAssessment(
    bool IsPrimary, ProtectionRequirement Requirement, IReadOnlyList<string> Reasons, bool NeedsManualReview);
