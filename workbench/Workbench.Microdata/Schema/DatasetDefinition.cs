namespace Workbench.Microdata.Schema;

/// <summary>
/// A dataset as a source agency delivers it (a semicolon-separated UTF-8 file with a header, ISO dates) and as the
/// analytical store keeps it after ingest.
/// </summary>
/// <param name="Name">The table name in the store, and the name projects use in their allowlist.</param>
/// <param name="RawFile">Path of the delivery relative to the delivery directory.</param>
/// <param name="Agency">The source agency.</param>
/// <param name="Description">What one row is, for the catalogue.</param>
/// <param name="Columns">The raw columns in delivery order.</param>
public sealed record DatasetDefinition(
    string Name, string RawFile, string Agency, string Description, IReadOnlyList<RawColumn> Columns)
{
    /// <summary>The unit a row is about (persons, companies, buildings, ...), for the catalogue.</summary>
    public required string Unit { get; init; }

    /// <summary>The columns that reach the store, in store order.</summary>
    public IEnumerable<RawColumn> StoredColumns => Columns.Where(c => c.Rule != ColumnRule.Drop);

    /// <summary>The raw column with this header.</summary>
    public RawColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"dataset '{Name}' has no raw column '{name}'");
}
