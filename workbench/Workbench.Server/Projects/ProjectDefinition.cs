using Workbench.Server.Identity;

namespace Workbench.Server.Projects;

/// <summary>A dataset a project may use, with exactly the columns it needs (need-to-know: no wildcard).</summary>
public sealed record DatasetGrant(string Dataset, IReadOnlyList<string> Columns);

/// <summary>A person's role within a project.</summary>
public sealed record ProjectMember(string UserId, WorkbenchRole Role);

/// <summary>The recorded weighing that justifies processing: is there no milder way, is it in proportion, does it work.</summary>
public sealed record Weighing(string Subsidiarity, string Proportionality, string Effectiveness);

/// <summary>Everything a project records and the server enforces; each version of a project holds one.</summary>
public sealed record ProjectDefinition(
    string Title,
    string Purpose,
    LegalBasis LegalBasis,
    string LegalBasisJustification,
    IReadOnlyList<DatasetGrant> Datasets,
    IReadOnlyList<ProjectMember> Members,
    DateOnly RetentionEnd,
    Weighing Weighing);
