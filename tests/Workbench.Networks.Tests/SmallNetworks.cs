using Workbench.Networks.Core;

namespace Workbench.Networks.Tests;

/// <summary>Hand-made networks with answers worked out on paper, each in its own temporary cache file.</summary>
public sealed class SmallNetworks : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workbench-networks-").FullName;
    private readonly List<MultilayerNetwork> _open = [];

    /// <summary>
    /// Persons 10..80 are vertices 0..7.
    /// huishouden: 0-1, 0-2 · familie: 0-1, 1-2, 6-7 · buren: 2-3, 3-4 · 5 isolated.
    /// So all layers: triangle 0-1-2, tail 2-3-4, pair 6-7, isolate 5; pair 0-1 is linked in two layers.
    /// </summary>
    public MultilayerNetwork Example()
    {
        var builder = new NetworkBuilder("huishouden", "familie", "buren")
            .AddLink(10, 20, "huishouden").AddLink(10, 30, "huishouden")
            .AddLink(10, 20, "familie").AddLink(20, 30, "familie").AddLink(70, 80, "familie")
            .AddLink(30, 40, "buren").AddLink(40, 50, "buren")
            .AddPersons(60);
        return Keep(builder.Build(NewPath()));
    }

    /// <summary>A network from (a, b) pairs in one layer "l", persons 0..n-1.</summary>
    public MultilayerNetwork OneLayer(int n, params (int A, int B)[] links)
    {
        var builder = new NetworkBuilder("l").AddPersons([.. Enumerable.Range(0, n).Select(i => (long)i)]);
        foreach (var (a, b) in links) builder.AddLink(a, b, "l");
        return Keep(builder.Build(NewPath()));
    }

    public string NewPath() => Path.Combine(_folder, $"{Guid.NewGuid():N}.csr");

    public void Dispose()
    {
        foreach (var network in _open) network.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private MultilayerNetwork Keep(MultilayerNetwork network)
    {
        _open.Add(network);
        return network;
    }
}
