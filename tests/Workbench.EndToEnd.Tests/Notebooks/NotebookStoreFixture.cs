using Workbench.Server.Tests.Data;

namespace Workbench.EndToEnd.Tests.Notebooks;

/// <summary>
/// The population the notebooks run on, generated and ingested once for the test class: 100,000 persons carry every
/// planted signal clearly (about 250 dismantling sites, 190 convicted companies, 180 matched young drug suspects,
/// 1,400 FIU reports) and take seconds to generate and ingest.
/// </summary>
public sealed class NotebookStoreFixture() : AnalyticalStoreFixture(Persons, 2026)
{
    public const int Persons = 100_000;
}
