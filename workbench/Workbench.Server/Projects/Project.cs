namespace Workbench.Server.Projects;

/// <summary>A project and the number of its current version. Its content lives in <see cref="ProjectVersion"/> rows.</summary>
public sealed class Project
{
    /// <summary>Such as <c>P-2026-001</c>.</summary>
    public required string Id { get; init; }

    public int CurrentVersion { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}

/// <summary>
/// One version of a project. Every change adds a version; none is ever updated or deleted, so the history of what
/// the project allowed, and who decided it, stays complete.
/// </summary>
public sealed class ProjectVersion
{
    public required string ProjectId { get; init; }

    public required int Version { get; init; }

    public required ProjectDefinition Definition { get; init; }

    public required string ChangedBy { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required string ChangeReason { get; init; }
}
