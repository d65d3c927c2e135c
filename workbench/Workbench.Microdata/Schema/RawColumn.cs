namespace Workbench.Microdata.Schema;

/// <summary>One column of a raw delivery and what it becomes in the store.</summary>
/// <param name="Name">The header as the source agency delivers it.</param>
/// <param name="Rule">What ingest does with it.</param>
/// <param name="StoredAs">The column name in the store; <c>null</c> for <see cref="ColumnRule.Drop"/>.</param>
/// <param name="Meaning">What the value means, for the catalogue.</param>
/// <param name="Sensitivity">Sensitivity of the stored column.</param>
public sealed record RawColumn(string Name, ColumnRule Rule, string? StoredAs, string Meaning, Sensitivity Sensitivity)
{
    /// <summary>Whether an empty value is allowed (stored as NULL).</summary>
    public bool Optional { get; init; }

    /// <summary>Allowed values of a <see cref="ColumnRule.Category"/> column.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Smallest allowed <see cref="ColumnRule.WholeNumber"/>, or earliest year of a date.</summary>
    public long Min { get; init; } = long.MinValue;

    /// <summary>Largest allowed <see cref="ColumnRule.WholeNumber"/>, or latest year of a date.</summary>
    public long Max { get; init; } = long.MaxValue;

    /// <summary>The level of an <see cref="ColumnRule.AreaCode"/> column.</summary>
    public AreaLevel AreaLevel { get; init; }

    /// <summary>
    /// For key columns that refer to another dataset (a suspect's BSN to persons): the dataset that must hold the key.
    /// Records whose key is unknown there are quarantined. <c>null</c> when the column defines the key.
    /// </summary>
    public string? References { get; init; }

    /// <summary>Whether the stored value identifies a unit of analysis (the pseudonymised keys).</summary>
    public bool IsKey => Rule is ColumnRule.PersonKey or ColumnRule.CompanyKey or ColumnRule.HouseholdKey or ColumnRule.BuildingKey;
}

/// <summary>The CBS area hierarchy: gemeente (GM0363), wijk (WK036301), buurt (BU03630101).</summary>
public enum AreaLevel
{
    None,
    Gemeente,
    Wijk,
    Buurt,
}
