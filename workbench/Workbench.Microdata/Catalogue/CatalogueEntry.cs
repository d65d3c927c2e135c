namespace Workbench.Microdata.Catalogue;

/// <summary>A dataset as the catalogue shows it: the schema's description plus what the store holds of it.</summary>
/// <param name="Dataset">The dataset (table) name.</param>
/// <param name="Description">What one row is.</param>
/// <param name="Agency">The source agency.</param>
/// <param name="Unit">The unit a row is about.</param>
/// <param name="Rows">Rows stored, or <c>null</c> when the dataset was never ingested.</param>
/// <param name="DeliveryVersion">The manifest version of the delivery, if it had one.</param>
/// <param name="DeliverySha256">SHA-256 of the delivered file, or <c>null</c> when never ingested.</param>
/// <param name="IngestedAt">When the table was written, or <c>null</c> when never ingested.</param>
/// <param name="Columns">The stored columns, in store order.</param>
public sealed record CatalogueEntry(
    string Dataset, string Description, string Agency, string Unit, long? Rows, string? DeliveryVersion,
    string? DeliverySha256, DateTimeOffset? IngestedAt, IReadOnlyList<CatalogueColumn> Columns)
{
    /// <summary>Whether the store holds this dataset.</summary>
    public bool IsIngested => Rows is not null;
}
