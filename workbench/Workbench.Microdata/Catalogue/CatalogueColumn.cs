using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Catalogue;

/// <summary>A stored column as the catalogue shows it.</summary>
/// <param name="Name">The column name in the store.</param>
/// <param name="StoreType">The DuckDB type (BIGINT, VARCHAR, SMALLINT, DATE, BOOLEAN).</param>
/// <param name="Meaning">What the value means.</param>
/// <param name="Sensitivity">How sensitive it is.</param>
/// <param name="Rule">How ingest derived it from the raw delivery.</param>
/// <param name="Nullable">Whether it may be NULL.</param>
public sealed record CatalogueColumn(
    string Name, string StoreType, string Meaning, Sensitivity Sensitivity, ColumnRule Rule, bool Nullable);
