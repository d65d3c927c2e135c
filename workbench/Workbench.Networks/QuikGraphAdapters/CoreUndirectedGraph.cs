using QuikGraph;
using Workbench.Networks.Core;

namespace Workbench.Networks.QuikGraphAdapters;

/// <summary>
/// Exposes the mapped CSR (one layer selection) through QuikGraph's undirected graph interface without copying:
/// edges are produced on demand from the neighbour lists, each as <c>(min, max)</c>.
/// </summary>
internal sealed class CoreUndirectedGraph(MultilayerNetwork network, LayerMask layers) : IUndirectedGraph<int, SUndirectedEdge<int>>
{
    public bool IsDirected => false;

    public bool AllowParallelEdges => false;

    public EdgeEqualityComparer<int> EdgeEqualityComparer { get; } = (edge, source, target) =>
        (edge.Source == source && edge.Target == target) || (edge.Source == target && edge.Target == source);

    public bool IsVerticesEmpty => network.VertexCount == 0;

    public int VertexCount => network.VertexCount;

    public IEnumerable<int> Vertices => Enumerable.Range(0, network.VertexCount);

    public bool IsEdgesEmpty => EdgeCount == 0;

    public int EdgeCount
    {
        get
        {
            long count = 0;
            for (var v = 0; v < network.VertexCount; v++) count += network.Degree(v, layers);
            return checked((int)(count / 2));
        }
    }

    public IEnumerable<SUndirectedEdge<int>> Edges
    {
        get
        {
            for (var v = 0; v < network.VertexCount; v++)
            {
                foreach (var edge in AdjacentEdges(v))
                {
                    if (edge.Source == v) yield return edge;
                }
            }
        }
    }

    public bool ContainsVertex(int vertex) => (uint)vertex < (uint)network.VertexCount;

    public bool ContainsEdge(SUndirectedEdge<int> edge) => ContainsEdge(edge.Source, edge.Target);

    public bool ContainsEdge(int source, int target) =>
        ContainsVertex(source) && ContainsVertex(target) && network.AreLinked(source, target, layers);

    public bool TryGetEdge(int source, int target, out SUndirectedEdge<int> edge)
    {
        edge = Edge(source, target);
        return ContainsEdge(source, target);
    }

    public IEnumerable<SUndirectedEdge<int>> AdjacentEdges(int vertex)
    {
        if (!ContainsVertex(vertex)) throw new VertexNotFoundException($"vertex {vertex} is not in the network");
        return Adjacent(vertex);
    }

    public int AdjacentDegree(int vertex) => network.Degree(vertex, layers);

    public bool IsAdjacentEdgesEmpty(int vertex) => AdjacentDegree(vertex) == 0;

    public SUndirectedEdge<int> AdjacentEdge(int vertex, int index) => Adjacent(vertex).ElementAt(index);

    private IEnumerable<SUndirectedEdge<int>> Adjacent(int vertex)
    {
        var count = network.Neighbours(vertex).Length;
        for (var i = 0; i < count; i++)
        {
            // Spans cannot live across yield: re-read the entry from the mapped lists.
            if (!layers.Matches(network.NeighbourLayers(vertex)[i])) continue;
            yield return Edge(vertex, network.Neighbours(vertex)[i]);
        }
    }

    private static SUndirectedEdge<int> Edge(int a, int b) => a <= b ? new SUndirectedEdge<int>(a, b) : new SUndirectedEdge<int>(b, a);
}
