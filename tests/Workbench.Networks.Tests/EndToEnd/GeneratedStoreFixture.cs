using Workbench.Microdata.Generation;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Networks.Core;
using Workbench.Networks.Persons;
using Workbench.Networks.Store;

namespace Workbench.Networks.Tests.EndToEnd;

/// <summary>A synthetic delivery of 20,000 persons, generated, ingested and turned into a network cache once.</summary>
public sealed class GeneratedStoreFixture : IDisposable
{
    public const int ReferenceYear = 2025;

    public string Root { get; } = Directory.CreateTempSubdirectory("workbench-networks-e2e-").FullName;

    public string StorePath => Path.Combine(Root, "store.duckdb");

    public string CachePath => Path.Combine(Root, "network.csr");

    public MultilayerNetwork Network { get; }

    public PersonAttributes Persons { get; }

    public GeneratedStoreFixture()
    {
        var raw = Path.Combine(Root, "raw");
        DeliveryGenerator.Generate(new GeneratorOptions { Persons = 20_000, Seed = 2026 }, raw);
        using (var key = PseudonymKey.CreateFile(Path.Combine(Root, "pseudonym.key")))
        {
            new Ingestor(TimeProvider.System).Ingest(raw, StorePath, key);
        }
        Network = StoreNetworkLoader.Build(StorePath, CachePath);
        Persons = PersonAttributes.Load(StorePath, Network);
    }

    public void Dispose()
    {
        Network.Dispose();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
