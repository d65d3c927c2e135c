namespace Workbench.Server.Outputs;

/// <summary>
/// The retraction of a released output: a new event, not a change of the release. The dashboard stops showing the
/// output's figures and says why; the release record and its receipt stay as they were.
/// </summary>
public sealed class Retraction
{
    public required string OutputId { get; init; }

    public required string Reason { get; init; }

    public required string RetractedBy { get; init; }

    public required DateTimeOffset RetractedAt { get; init; }
}
