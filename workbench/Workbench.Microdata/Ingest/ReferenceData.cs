using DuckDB.NET.Data;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;

namespace Workbench.Microdata.Ingest;

/// <summary>
/// The keys of datasets ingested so far (master pseudonym → buurt code for buildings, else <c>null</c>) and the known
/// areas. Built from accepted records during the run, or loaded from the store for datasets this run skipped.
/// </summary>
internal sealed class ReferenceData(DuckDBConnection connection)
{
    private readonly Dictionary<string, Dictionary<long, string?>> _keys = new(StringComparer.Ordinal);
    private AreaSet? _areas;

    public void Register(string dataset, Dictionary<long, string?> keys) => _keys[dataset] = keys;

    public void RegisterAreas(AreaSet areas) => _areas = areas;

    /// <summary>The keys of a dataset, loaded from the store when this run did not ingest it.</summary>
    public Dictionary<long, string?> KeysOf(string datasetName)
    {
        if (_keys.TryGetValue(datasetName, out var keys)) return keys;
        var dataset = Datasets.Get(datasetName);
        var keyColumn = dataset.Columns[DatasetKeys.DefiningColumn(dataset)].StoredAs!;
        var buurt = DatasetKeys.BuurtColumn(dataset)?.StoredAs;
        keys = [];
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoreConnection.Quote(keyColumn)}, {(buurt is null ? "NULL" : StoreConnection.Quote(buurt))} FROM {StoreConnection.Quote(datasetName)}";
        using var reader = command.ExecuteReader();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            string? code = null;
            if (!reader.IsDBNull(1))
            {
                var text = reader.GetString(1);
                code = interned.TryGetValue(text, out var known) ? known : interned[text] = text;
            }
            keys[reader.GetInt64(0)] = code;
        }
        return _keys[datasetName] = keys;
    }

    /// <summary>The known areas, loaded from the store when this run did not ingest them.</summary>
    public AreaSet Areas()
    {
        if (_areas is not null) return _areas;
        var areas = new AreaSet();
        var columns = Datasets.AreasDataset.StoredColumns.Where(c => c.Rule == ColumnRule.AreaCode).ToList();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => StoreConnection.Quote(c.StoredAs!)))} FROM {Datasets.Areas}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            for (var i = 0; i < columns.Count; i++) areas.Add(columns[i].AreaLevel, reader.GetString(i));
        }
        return _areas = areas;
    }
}
