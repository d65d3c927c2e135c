using QuikGraph;
using QuikGraph.Algorithms;
using Workbench.Networks.Core;
using Workbench.Networks.Egos;
using Workbench.Networks.Measures;
using Workbench.Networks.QuikGraphAdapters;

namespace Workbench.Networks.Tests.QuikGraphAdapters;

public sealed class QuikGraphExtensionsTests : IDisposable
{
    private readonly SmallNetworks _networks = new();

    public void Dispose() => _networks.Dispose();

    [Fact]
    public void AsQuikGraph_ConnectedComponents_AgreeWithCore()
    {
        var network = _networks.Example();
        var graph = network.AsQuikGraph(LayerMask.All);
        var labels = new Dictionary<int, int>();
        var count = graph.ConnectedComponents(labels);
        Assert.Equal(NetworkMeasures.Components(network, LayerMask.All).Count, count);
        Assert.Equal(6, graph.EdgeCount);
        Assert.Equal(labels[0], labels[4]);
        Assert.NotEqual(labels[0], labels[6]);
    }

    [Fact]
    public void AsQuikGraph_Layer_ExposesOnlyItsEdges()
    {
        var network = _networks.Example();
        var graph = network.AsQuikGraph(network.Layers("familie"));
        Assert.Equal(3, graph.EdgeCount);
        Assert.True(graph.ContainsEdge(2, 1));
        Assert.False(graph.ContainsEdge(0, 2));
        Assert.Equal(2, graph.AdjacentDegree(1));
        Assert.Equal(new SUndirectedEdge<int>(0, 1), graph.AdjacentEdge(1, 0));
    }

    [Fact]
    public void ToQuikGraph_Ego_CopiesVerticesAndInducedEdges()
    {
        var network = _networks.Example();
        var ego = EgoSubgraph.Extract(new EgoExplorer(network), 4, 2, LayerMask.All);
        var graph = ego.ToQuikGraph();
        Assert.Equal([2, 3, 4], graph.Vertices.Order());
        Assert.Equal(2, graph.EdgeCount);
        Assert.True(graph.ContainsEdge(2, 3));
    }
}
