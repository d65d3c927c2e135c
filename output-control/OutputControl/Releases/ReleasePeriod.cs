namespace OutputControl.Releases;

/// <summary>One release of the schedule: its version (such as <c>2026-Q4</c>) and the days it collects outputs.</summary>
public sealed record ReleasePeriod(string Version, DateOnly First, DateOnly Last);
