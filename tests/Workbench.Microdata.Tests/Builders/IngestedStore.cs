using Microsoft.Extensions.Time.Testing;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.Pseudonymisation;

namespace Workbench.Microdata.Tests.Builders;

/// <summary>A temp directory holding a delivery from <see cref="DeliveryBuilder"/> ingested into a store.</summary>
internal sealed class IngestedStore : IDisposable
{
    private readonly TempDirectory _temp = new();

    public IngestedStore(string? manifestVersion = "2025-12-31.1")
    {
        Builder.Write(_temp.File("delivery"), manifestVersion);
        Report = new Ingestor(Time).Ingest(_temp.File("delivery"), StorePath, Key);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));

    public PseudonymKey Key { get; } = TestKeys.Random();

    public DeliveryBuilder Builder { get; } = new();

    public IngestReport Report { get; }

    public string StorePath => _temp.File("store.duckdb");

    public string File(string name) => _temp.File(name);

    public void Dispose()
    {
        Key.Dispose();
        _temp.Dispose();
    }
}
