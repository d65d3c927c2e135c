using Workbench.Microdata.Generation;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.Pseudonymisation;

namespace Workbench.Microdata.Tests.EndToEnd;

/// <summary>One synthetic national delivery of 20,000 persons, generated and ingested once for the end-to-end tests.</summary>
public sealed class GeneratedStoreFixture : IDisposable
{
    public const int ReferenceYear = 2025;

    public string Root { get; } = Directory.CreateTempSubdirectory("workbench-e2e-").FullName;

    public string Deliveries => Path.Combine(Root, "raw");

    public string StorePath => Path.Combine(Root, "store.duckdb");

    public string KeyFile => Path.Combine(Root, "pseudonym.key");

    public IngestReport Report { get; }

    public GeneratedStoreFixture()
    {
        DeliveryGenerator.Generate(new GeneratorOptions { Persons = 20_000, Seed = 2026 }, Deliveries);
        using var key = PseudonymKey.CreateFile(KeyFile);
        Report = new Ingestor(TimeProvider.System).Ingest(Deliveries, StorePath, key);
    }

    public PseudonymKey LoadKey() => PseudonymKey.FromFile(KeyFile);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
