using Workbench.Microdata.ProjectViews;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.ProjectViews;

public sealed class ProjectViewBuilderTests : IDisposable
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Allowlist = new()
    {
        [Datasets.Persons] = ["person_id", "birth_year", "buurt_code"],
        [Datasets.Suspects] = ["person_id", "offence"],
        [Datasets.NetworkLinks] = ["person_a", "person_b", "layer"],
    };

    private readonly IngestedStore _store = new();

    public void Dispose() => _store.Dispose();

    private string Build(string projectId, IReadOnlyDictionary<string, IReadOnlyList<string>>? allowlist = null)
    {
        var path = _store.File($"{projectId}.duckdb");
        new ProjectViewBuilder(_store.Time).Build(_store.StorePath, path, projectId, allowlist ?? Allowlist, _store.Key);
        return path;
    }

    [Fact]
    public void Build_Allowlist_ViewHoldsOnlyAllowlistedDatasetsAndColumns()
    {
        var view = Build("p-001");

        var columns = StoreContents.Cells(view).Where(c => !c.Table.StartsWith('_'))
            .Select(c => $"{c.Table}.{c.Column}").Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(Allowlist.SelectMany(d => d.Value.Select(c => $"{d.Key}.{c}")).Order(StringComparer.Ordinal), columns);
    }

    [Fact]
    public void Build_SameBsnInTwoDatasets_SameProjectPseudonymAndNotTheMaster()
    {
        var view = Build("p-001");
        var bsn = _store.Builder.Bsns[0];
        var master = new Pseudonymiser(_store.Key).Pseudonymise(KeyKind.Person, bsn);
        using var project = new ProjectPseudonymiser(_store.Key, "p-001");
        var expected = project.Pseudonymise(KeyKind.Person, master);

        using var store = AnalyticalStore.OpenReadOnly(view);
        var inPersons = store.Query("SELECT count(*) AS n FROM persons WHERE person_id = $id", new Dictionary<string, object?> { ["id"] = expected });
        var inSuspects = store.Query("SELECT count(*) AS n FROM suspects WHERE person_id = $id", new Dictionary<string, object?> { ["id"] = expected });
        var masterLeaks = StoreContents.Cells(view).Count(c => c.Value == master.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1L, inPersons.Columns["n"][0]);
        Assert.Equal(1L, inSuspects.Columns["n"][0]);
        Assert.Equal(0, masterLeaks);
    }

    [Fact]
    public void Build_TwoProjects_PseudonymsDoNotOverlap()
    {
        var first = StoreContents.Cells(Build("p-001")).Where(c => c.Column == "person_id").Select(c => c.Value).ToHashSet();
        var second = StoreContents.Cells(Build("p-002")).Where(c => c.Column == "person_id").Select(c => c.Value).ToHashSet();

        Assert.NotEmpty(first);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void Build_ViewJoinsLikeTheStore_LinksStillResolve()
    {
        var view = Build("p-001");
        using var store = AnalyticalStore.OpenReadOnly(view);

        var dangling = store.Query("SELECT count(*) AS n FROM network_links l LEFT JOIN persons p ON p.person_id = l.person_a WHERE p.person_id IS NULL");
        var rows = store.Query("SELECT count(*) AS n FROM network_links");

        Assert.Equal(0L, dangling.Columns["n"][0]);
        Assert.Equal((long)_store.Builder.Bsns.Count, rows.Columns["n"][0]);
    }

    [Fact]
    public void Build_UnknownDataset_RefusedNamingIt()
    {
        var error = Assert.Throws<ProjectViewException>(() => Build("p-001", new Dictionary<string, IReadOnlyList<string>> { ["people"] = ["person_id"] }));

        Assert.Equal(ProjectViewProblem.UnknownDataset, error.Problem);
        Assert.Equal("people", error.Dataset);
    }

    [Fact]
    public void Build_DroppedOrUnknownColumn_RefusedNamingIt()
    {
        var error = Assert.Throws<ProjectViewException>(() => Build("p-001", new Dictionary<string, IReadOnlyList<string>> { [Datasets.Persons] = ["person_id", "geslachtsnaam"] }));

        Assert.Equal(ProjectViewProblem.UnknownColumn, error.Problem);
        Assert.Equal("geslachtsnaam", error.Column);
        Assert.False(File.Exists(_store.File("p-001.duckdb")));
    }

    [Fact]
    public void Build_OtherKey_Refused()
    {
        using var other = TestKeys.Random();

        Assert.Throws<StoreKeyMismatchException>(() =>
            new ProjectViewBuilder(_store.Time).Build(_store.StorePath, _store.File("v.duckdb"), "p-001", Allowlist, other));
    }
}
