using Workbench.Microdata.Pseudonymisation;

namespace Workbench.Microdata.ProjectViews;

/// <summary>What a project view holds.</summary>
/// <param name="ViewPath">The view's DuckDB file.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Rows">Rows per dataset in the view.</param>
/// <param name="Pseudonyms">Distinct units translated to project pseudonyms, per kind.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record ProjectViewReport(
    string ViewPath, string ProjectId, IReadOnlyDictionary<string, long> Rows,
    IReadOnlyDictionary<KeyKind, long> Pseudonyms, TimeSpan Elapsed);
