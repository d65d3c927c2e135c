using Workbench.Networks.Core;
using Workbench.Networks.Egos;

namespace Workbench.Networks.Tests.Egos;

public sealed class EgoCentralityTests : IDisposable
{
    private readonly SmallNetworks _networks = new();

    public void Dispose() => _networks.Dispose();

    [Fact]
    public void Extract_TwoHopEgo_HoldsInducedLinks()
    {
        var network = _networks.Example();
        var ego = EgoSubgraph.Extract(new EgoExplorer(network), 2, 2, LayerMask.All);
        Assert.Equal(2, ego.Ego);
        Assert.Equal([0, 1, 2, 3, 4], ego.Vertices.Order());
        Assert.Equal(5, ego.EdgeCount); // 0-1, 0-2, 1-2, 2-3, 3-4
    }

    [Fact]
    public void Betweenness_TriangleWithTail_IsHandComputed()
    {
        var network = _networks.Example();
        var ego = EgoSubgraph.Extract(new EgoExplorer(network), 2, 2, LayerMask.All);
        var byVertex = EgoCentrality.Betweenness(ego).Select((b, i) => (ego.Vertices[i], b)).ToDictionary();
        // Vertex 2 lies on (0,3), (0,4), (1,3), (1,4); vertex 3 on (0,4), (1,4), (2,4).
        Assert.Equal(4, byVertex[2], 12);
        Assert.Equal(3, byVertex[3], 12);
        Assert.Equal(0, byVertex[0], 12);
        Assert.Equal(0, byVertex[4], 12);
    }

    [Fact]
    public void Betweenness_FourCycle_SplitsBetweenTwoShortestPaths()
    {
        var cycle = EgoSubgraph.FromEdges(4, [(0, 1), (1, 2), (2, 3), (3, 0)]);
        Assert.All(EgoCentrality.Betweenness(cycle), b => Assert.Equal(0.5, b, 12));
    }

    [Fact]
    public void Closeness_ReachableOverSumOfDistances()
    {
        var network = _networks.Example();
        var ego = EgoSubgraph.Extract(new EgoExplorer(network), 2, 2, LayerMask.All);
        var closeness = EgoCentrality.Closeness(ego);
        var local = ego.Vertices.ToList();
        Assert.Equal(4 / 5.0, closeness[local.IndexOf(2)], 12); // distances 1, 1, 1, 2
        Assert.Equal(4 / 9.0, closeness[local.IndexOf(4)], 12); // distances 1, 2, 3, 3
    }

    [Fact]
    public void Closeness_IsolatedEgo_IsZero()
    {
        var lone = EgoSubgraph.FromEdges(1, []);
        Assert.Equal(0, EgoCentrality.Closeness(lone, 0));
    }

    [Fact]
    public void LocalClustering_EgoSubgraph_IsHandComputed()
    {
        var star = EgoSubgraph.FromEdges(4, [(0, 1), (0, 2), (0, 3), (1, 2)]);
        Assert.Equal(1 / 3.0, EgoCentrality.LocalClustering(star, 0), 12);
        Assert.Equal(1.0, EgoCentrality.LocalClustering(star, 1), 12);
        Assert.True(double.IsNaN(EgoCentrality.LocalClustering(star, 3)));
    }
}
