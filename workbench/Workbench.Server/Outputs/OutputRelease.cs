namespace Workbench.Server.Outputs;

/// <summary>One release of the schedule (such as <c>2026-Q4</c>), created when its first output is released.</summary>
public sealed class OutputRelease
{
    public required string Version { get; init; }

    public required DateOnly PeriodStart { get; init; }

    /// <summary>The release date: the last day of the period.</summary>
    public required DateOnly PeriodEnd { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
