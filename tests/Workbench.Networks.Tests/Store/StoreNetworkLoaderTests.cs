using DuckDB.NET.Data;
using Workbench.Networks.Core;
using Workbench.Networks.Store;

namespace Workbench.Networks.Tests.Store;

public sealed class StoreNetworkLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workbench-storeloader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Store(string persons, string links)
    {
        var path = Path.Combine(_folder, "store.duckdb");
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE persons (person_id BIGINT);
            INSERT INTO persons VALUES {persons};
            CREATE TABLE network_links (person_a BIGINT, person_b BIGINT, layer VARCHAR, relation VARCHAR);
            INSERT INTO network_links VALUES {links};
            """;
        command.ExecuteNonQuery();
        return path;
    }

    [Fact]
    public void Build_LinksToUnknownOrMissingPersons_AreDroppedLikeAnInnerJoin()
    {
        var store = Store("(30), (-5), (1000), (-9223372036854775808), (0)", """
            (30, 0, 'huishouden', 'partner'), (-5, 30, 'familie', 'ouder'), (30, 999, 'buren', 'buur'),
            (NULL, 0, 'buren', 'buur'), (0, NULL, 'buren', 'buur'), (0, 30, 'buren', 'buur'), (7, 8, 'onbekend', 'x')
            """);
        using var network = StoreNetworkLoader.Build(store, Path.Combine(_folder, "network.csr"));

        Assert.Equal([long.MinValue, -5, 0, 30, 1000], network.PersonIds.ToArray());
        Assert.Equal(2, network.PairCount);
        int v30 = network.Vertex(30), v0 = network.Vertex(0), vMinus5 = network.Vertex(-5);
        Assert.Equal([vMinus5, v0], network.Neighbours(v30).ToArray());
        Assert.Equal([LayerMask.Of(network.LayerIndex("familie")).Bits,
            (LayerMask.Of(network.LayerIndex("huishouden")) | LayerMask.Of(network.LayerIndex("buren"))).Bits], network.NeighbourLayers(v30).ToArray());
        Assert.Equal(0, network.Neighbours(network.Vertex(1000)).Length);
    }

    [Fact]
    public void Build_WhileTheKernelHoldsTheViewLockedDown_BuildsUnderTheLockedSettings()
    {
        // A notebook keeps its project's view open (external access off, configuration locked) and builds the network
        // from the same file: DuckDB shares the database between the two connections, so the loader cannot set its
        // memory limit there; it builds under the settings the view was locked with instead of failing.
        var store = Store("(1), (2), (3)", "(1, 2, 'huishouden', 'partner'), (2, 3, 'buren', 'buur')");
        using var view = Workbench.Microdata.Store.AnalyticalStore.OpenLockedDown(store);

        using var network = StoreNetworkLoader.Build(store, Path.Combine(_folder, "network.csr"));

        Assert.Equal(3, network.VertexCount);
        Assert.Equal(2, network.PairCount);
    }

    [Fact]
    public void Build_UnknownLayer_Throws()
    {
        var store = Store("(1), (2)", "(1, 2, 'huishouden', 'partner'), (2, 1, 'onbekend', 'x')");
        Assert.Throws<NetworkFormatException>(() => StoreNetworkLoader.Build(store, Path.Combine(_folder, "network.csr")));
    }

    [Fact]
    public void Build_DuplicatePseudonym_Throws()
    {
        var store = Store("(1), (2), (1)", "(1, 2, 'huishouden', 'partner')");
        Assert.Throws<NetworkFormatException>(() => StoreNetworkLoader.Build(store, Path.Combine(_folder, "network.csr")));
    }

    [Fact]
    public void PseudonymIndex_ManyKeys_FindsEachAndNoOther()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Append(0).Append(long.MaxValue)
            .Distinct().Order().ToArray();
        using var index = new PseudonymIndex(ids);
        for (var v = 0; v < ids.Length; v++) Assert.Equal(v, index.Find(ids[v]));
        var known = ids.ToHashSet();
        for (var i = 0; i < 100_000; i++)
        {
            var key = random.NextInt64();
            if (!known.Contains(key)) Assert.Equal(-1, index.Find(key));
        }
    }
}
