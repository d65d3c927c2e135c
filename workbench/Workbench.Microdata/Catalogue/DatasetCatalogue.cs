using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;

namespace Workbench.Microdata.Catalogue;

/// <summary>The dataset catalogue: the schema joined with the store's ingest log.</summary>
public static class DatasetCatalogue
{
    /// <summary>Every dataset of the schema in ingest order, with what <paramref name="storePath"/> holds of it.</summary>
    /// <exception cref="FileNotFoundException">When the store does not exist.</exception>
    public static IReadOnlyList<CatalogueEntry> Read(string storePath)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        if (!File.Exists(storePath)) throw new FileNotFoundException($"store '{storePath}' does not exist", storePath);
        using var connection = StoreConnection.Open(storePath, readOnly: true);
        var log = IngestLog.Read(connection);
        return [.. Datasets.All.Select(d => Describe(d, log.GetValueOrDefault(d.Name)))];
    }

    /// <summary>The catalogue entry of a dataset given its ingest log row (<c>null</c> when never ingested).</summary>
    public static CatalogueEntry Describe(DatasetDefinition dataset, IngestLogEntry? logged)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.StoredColumns
            .Select(c => new CatalogueColumn(c.StoredAs!, StoreTypes.Of(c.Rule), c.Meaning, c.Sensitivity, c.Rule, c.Optional))
            .ToList();
        return new CatalogueEntry(dataset.Name, dataset.Description, dataset.Agency, dataset.Unit, logged?.RowsAccepted,
            logged?.ManifestVersion, logged?.Sha256, logged?.IngestedAt, columns);
    }
}
