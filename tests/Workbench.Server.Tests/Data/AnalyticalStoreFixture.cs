using Workbench.Microdata.Generation;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Store;

namespace Workbench.Server.Tests.Data;

/// <summary>
/// A small synthetic delivery (1,000 persons), generated and ingested once for the data API tests; derived fixtures
/// choose a larger population.
/// </summary>
public class AnalyticalStoreFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("workbench-server-data-").FullName;

    public string StorePath => Path.Combine(Root, "store.duckdb");

    public string KeyFile => Path.Combine(Root, "pseudonym.key");

    public AnalyticalStoreFixture()
        : this(GeneratorOptions.MinimumPersons, 2026)
    {
    }

    /// <summary>Generates and ingests <paramref name="persons"/> persons with <paramref name="seed"/>.</summary>
    protected AnalyticalStoreFixture(int persons, int seed)
    {
        var deliveries = Path.Combine(Root, "raw");
        DeliveryGenerator.Generate(new GeneratorOptions { Persons = persons, Seed = seed }, deliveries);
        using var key = PseudonymKey.CreateFile(KeyFile);
        new Ingestor(TimeProvider.System).Ingest(deliveries, StorePath, key);
    }

    /// <summary>The settings that point the server at this store and key.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AnalyticalData:Store"] = StorePath,
        ["AnalyticalData:PseudonymKeyFile"] = KeyFile,
    };

    /// <summary>The master pseudonyms of a key column in the store itself.</summary>
    public HashSet<long> MasterKeys(string dataset, string column)
    {
        using var store = AnalyticalStore.OpenReadOnly(StorePath);
        var frame = store.Query($"SELECT DISTINCT {Quote(column)} FROM {Quote(dataset)} WHERE {Quote(column)} IS NOT NULL");
        return [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(i => Convert.ToInt64(frame.Columns[0][i], System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static string Quote(string identifier) => "\"" + identifier + "\"";

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
