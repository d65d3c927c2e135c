namespace OutputControl;

/// <summary>Limits of one check. The exact search falls back to the audited heuristic when it runs out of time.</summary>
public sealed record CheckOptions
{
    /// <summary>The defaults: 60 seconds for the exact secondary-suppression search.</summary>
    public static readonly CheckOptions Default = new();

    /// <summary>How long the exact (optimal) search may take before the heuristic pattern is used.</summary>
    public TimeSpan OptimalTimeLimit { get; init; } = TimeSpan.FromSeconds(60);
}
