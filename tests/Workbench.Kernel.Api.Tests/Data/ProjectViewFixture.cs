using Workbench.Api;
using Workbench.Microdata.Generation;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.ProjectViews;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;

namespace Workbench.Kernel.Api.Tests.Data;

/// <summary>A small synthetic delivery (the generator's minimum), ingested, and one project's view of it.</summary>
public sealed class ProjectViewFixture : IDisposable
{
    public const string ProjectId = "P-2026-0007";

    public static readonly Dictionary<string, IReadOnlyList<string>> Allowlist = new()
    {
        [Datasets.Persons] = ["person_id", "birth_year", "sex", "buurt_code"],
        [Datasets.Incomes] = ["person_id", "year", "personal_income_eur"],
    };

    /// <summary>A second project's allowlist, with the areas hierarchy (for <see cref="Hierarchies.Areas"/>).</summary>
    public static readonly Dictionary<string, IReadOnlyList<string>> AreasAllowlist = new()
    {
        [Datasets.Areas] = ["buurt_code", "wijk_code", "gemeente_code"],
        [Datasets.Persons] = ["person_id", "buurt_code"],
    };

    public string Root { get; } = Directory.CreateTempSubdirectory("workbench-kernel-api-").FullName;

    public string StorePath => Path.Combine(Root, "store.duckdb");

    public string ViewPath => Path.Combine(Root, "view.duckdb");

    public string AreasViewPath => Path.Combine(Root, "areas-view.duckdb");

    public ProjectViewFixture()
    {
        var deliveries = Path.Combine(Root, "raw");
        DeliveryGenerator.Generate(new GeneratorOptions { Persons = GeneratorOptions.MinimumPersons, Seed = 7 }, deliveries);
        using var key = PseudonymKey.CreateFile(Path.Combine(Root, "pseudonym.key"));
        new Ingestor(TimeProvider.System).Ingest(deliveries, StorePath, key);
        new ProjectViewBuilder(TimeProvider.System).Build(StorePath, ViewPath, ProjectId, Allowlist, key);
        new ProjectViewBuilder(TimeProvider.System).Build(StorePath, AreasViewPath, "P-2026-0008", AreasAllowlist, key);
    }

    /// <summary>The master pseudonyms of the persons in the store itself.</summary>
    public HashSet<long> MasterPersonKeys()
    {
        using var store = AnalyticalStore.OpenReadOnly(StorePath);
        var frame = store.Query("SELECT person_id FROM persons");
        return [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(i => (long)frame.Columns[0][i])];
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}

[CollectionDefinition(Name)]
public sealed class ProjectViewGroup : ICollectionFixture<ProjectViewFixture>
{
    public const string Name = "project view";
}
