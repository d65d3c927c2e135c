namespace Workbench.Microdata.Schema;

/// <summary>
/// What ingest does with one column of a raw delivery. Stored values are frozen: the rule decides the stored type.
/// </summary>
public enum ColumnRule
{
    /// <summary>A direct identifier (name, street, record number). Validated where a format exists, never stored.</summary>
    Drop,

    /// <summary>A BSN (9 digits, 11-proof). Stored as the person's master pseudonym (BIGINT).</summary>
    PersonKey,

    /// <summary>A KvK number (8 digits). Stored as the company's master pseudonym (BIGINT).</summary>
    CompanyKey,

    /// <summary>A CBS household number (digits). Stored as the household's master pseudonym (BIGINT).</summary>
    HouseholdKey,

    /// <summary>A BAG verblijfsobject id (16 digits). Stored as the building's master pseudonym (BIGINT).</summary>
    BuildingKey,

    /// <summary>
    /// A BAG verblijfsobject id used as someone's address: coarsened to the buurt code of that building (VARCHAR;
    /// the wijk and gemeente codes are its prefixes). Requires the buildings dataset to be ingested first.
    /// </summary>
    AddressToBuurt,

    /// <summary>An ISO date (yyyy-MM-dd) coarsened to its year (SMALLINT).</summary>
    DateToYear,

    /// <summary>An ISO date (yyyy-MM-dd) coarsened to the first day of its month (DATE).</summary>
    DateToMonth,

    /// <summary>A CBS area code of <see cref="RawColumn.AreaLevel"/>, checked against the areas dataset (VARCHAR).</summary>
    AreaCode,

    /// <summary>One of <see cref="RawColumn.Categories"/> (VARCHAR).</summary>
    Category,

    /// <summary>A whole number within [<see cref="RawColumn.Min"/>, <see cref="RawColumn.Max"/>] (BIGINT).</summary>
    WholeNumber,

    /// <summary><c>j</c> or <c>n</c>, as Dutch agencies deliver flags (BOOLEAN).</summary>
    Flag,

    /// <summary>Free public text such as an area name (VARCHAR). Never used for anything about a person.</summary>
    Text,
}
