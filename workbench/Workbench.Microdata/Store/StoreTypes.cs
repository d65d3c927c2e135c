using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Store;

/// <summary>The DuckDB type each <see cref="ColumnRule"/> is stored as. Frozen: the catalogue and projects rely on it.</summary>
public static class StoreTypes
{
    /// <summary>The stored DuckDB type of a column rule.</summary>
    /// <exception cref="ArgumentException">For <see cref="ColumnRule.Drop"/>, which is never stored.</exception>
    public static string Of(ColumnRule rule) => rule switch
    {
        ColumnRule.PersonKey or ColumnRule.CompanyKey or ColumnRule.HouseholdKey or ColumnRule.BuildingKey => "BIGINT",
        ColumnRule.AddressToBuurt or ColumnRule.AreaCode or ColumnRule.Category or ColumnRule.Text => "VARCHAR",
        ColumnRule.DateToYear => "SMALLINT",
        ColumnRule.DateToMonth => "DATE",
        ColumnRule.WholeNumber => "BIGINT",
        ColumnRule.Flag => "BOOLEAN",
        ColumnRule.Drop => throw new ArgumentException("dropped columns are never stored", nameof(rule)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown column rule"),
    };
}
