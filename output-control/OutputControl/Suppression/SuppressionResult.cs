namespace OutputControl.Suppression;

/// <summary>The pattern chosen for a table: which cells are suppressed, whether the audit proved it, which primaries
/// each secondary helps protect, and notes for the findings.</summary>
internal sealed record SuppressionResult(bool[] Suppressed, bool Protected, IReadOnlyList<string> Notes, IReadOnlyList<string> AuditFailures);
