namespace OutputControl.Audit;

/// <summary>A primary cell whose protection the audit could not prove, with the singleton whose owner was assumed
/// to know its value (−1 for the plain attacker) and a readable detail.</summary>
internal sealed record AuditFailure(int Cell, int KnownSingleton, string Detail);
