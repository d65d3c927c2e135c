namespace Workbench.Server.Organisations;

/// <summary>An agency whose people work in Workbench. Users belong to one; roles are granted within one.</summary>
public sealed class Organisation
{
    /// <summary>A short stable code, such as <c>CBS</c> or <c>GM0363</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required OrganisationKind Kind { get; init; }
}

/// <summary>Kinds of agency. Stored by name; the names are frozen.</summary>
public enum OrganisationKind
{
    StatisticsOffice,
    Municipality,
    TaxAuthority,
    Police,
    Ministry,
}
