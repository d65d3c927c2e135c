using QuikGraph;
using Workbench.Networks.Core;
using Workbench.Networks.Egos;

namespace Workbench.Networks.QuikGraphAdapters;

/// <summary>
/// QuikGraph views of the core, for its algorithms and API: an ego subgraph copied into an
/// <see cref="UndirectedGraph{TVertex,TEdge}"/> (vertices are network vertex ids), or the whole core exposed lazily as
/// an <see cref="IUndirectedGraph{TVertex,TEdge}"/> without copying (for algorithms that touch little of it;
/// whole-graph traversals are faster on <see cref="Measures.NetworkMeasures"/>).
/// </summary>
public static class QuikGraphExtensions
{
    /// <summary>Copies an ego subgraph into a QuikGraph graph keyed by network vertex ids.</summary>
    public static UndirectedGraph<int, SUndirectedEdge<int>> ToQuikGraph(this EgoSubgraph ego)
    {
        ArgumentNullException.ThrowIfNull(ego);
        var graph = new UndirectedGraph<int, SUndirectedEdge<int>>(allowParallelEdges: false);
        graph.AddVertexRange(ego.Vertices);
        for (var i = 0; i < ego.VertexCount; i++)
        {
            foreach (var j in ego.Neighbours(i))
            {
                if (j <= i) continue;
                int a = ego.Vertices[i], b = ego.Vertices[j];
                graph.AddEdge(a < b ? new SUndirectedEdge<int>(a, b) : new SUndirectedEdge<int>(b, a));
            }
        }
        return graph;
    }

    /// <summary>The core as a read-only QuikGraph undirected graph along <paramref name="layers"/>.</summary>
    public static IUndirectedGraph<int, SUndirectedEdge<int>> AsQuikGraph(this MultilayerNetwork network, LayerMask layers)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new CoreUndirectedGraph(network, layers);
    }
}
