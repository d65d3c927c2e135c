using Workbench.Networks.Core;

namespace Workbench.Networks.Egos;

/// <summary>
/// An ego network copied out of the core as a small undirected graph: the ego (local vertex 0) and its members, with
/// every link among them in the selected layers (the induced subgraph). Centralities, clustering and the QuikGraph
/// adapter work on this copy; local ids index <see cref="Vertices"/>.
/// </summary>
public sealed class EgoSubgraph
{
    private readonly int[] _vertices;
    private readonly int[] _offsets;
    private readonly int[] _adjacency;

    private EgoSubgraph(int[] vertices, int[] offsets, int[] adjacency, int hops, LayerMask layers)
    {
        _vertices = vertices;
        _offsets = offsets;
        _adjacency = adjacency;
        Hops = hops;
        Layers = layers;
    }

    /// <summary>Network vertex ids by local id; the ego is local 0.</summary>
    public IReadOnlyList<int> Vertices => _vertices;

    /// <summary>The ego's network vertex id.</summary>
    public int Ego => _vertices[0];

    /// <summary>Radius of the ego network.</summary>
    public int Hops { get; }

    /// <summary>The layers whose links were followed and copied.</summary>
    public LayerMask Layers { get; }

    /// <summary>Number of vertices (ego included).</summary>
    public int VertexCount => _vertices.Length;

    /// <summary>Number of undirected links.</summary>
    public int EdgeCount => _adjacency.Length / 2;

    /// <summary>Local neighbours of a local vertex, ascending.</summary>
    public ReadOnlySpan<int> Neighbours(int local) => _adjacency.AsSpan(_offsets[local], _offsets[local + 1] - _offsets[local]);

    /// <summary>Copies the ego network of <paramref name="ego"/> out of the network.</summary>
    public static EgoSubgraph Extract(EgoExplorer explorer, int ego, int hops, LayerMask layers)
    {
        ArgumentNullException.ThrowIfNull(explorer);
        var members = explorer.Collect(ego, hops, layers);
        var vertices = new int[members.Count + 1];
        vertices[0] = ego;
        members.CopyTo(vertices, 1);
        var local = new Dictionary<int, int>(vertices.Length);
        for (var i = 0; i < vertices.Length; i++) local[vertices[i]] = i;

        var network = explorer.Network;
        var offsets = new int[vertices.Length + 1];
        var adjacency = new List<int>();
        for (var i = 0; i < vertices.Length; i++)
        {
            var neighbours = network.Neighbours(vertices[i]);
            var masks = network.NeighbourLayers(vertices[i]);
            var start = adjacency.Count;
            for (var j = 0; j < neighbours.Length; j++)
            {
                if (layers.Matches(masks[j]) && local.TryGetValue(neighbours[j], out var k)) adjacency.Add(k);
            }
            adjacency.Sort(start, adjacency.Count - start, null);
            offsets[i + 1] = adjacency.Count;
        }
        return new EgoSubgraph(vertices, offsets, [.. adjacency], hops, layers);
    }

    /// <summary>Builds a subgraph from local edges directly (for tests and small examples); vertex 0 is the ego.</summary>
    public static EgoSubgraph FromEdges(int vertexCount, IEnumerable<(int A, int B)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var lists = Enumerable.Range(0, vertexCount).Select(_ => new SortedSet<int>()).ToArray();
        foreach (var (a, b) in edges)
        {
            if (a == b) continue;
            lists[a].Add(b);
            lists[b].Add(a);
        }
        var offsets = new int[vertexCount + 1];
        for (var i = 0; i < vertexCount; i++) offsets[i + 1] = offsets[i] + lists[i].Count;
        return new EgoSubgraph([.. Enumerable.Range(0, vertexCount)], offsets, [.. lists.SelectMany(l => l)], 0, LayerMask.All);
    }
}
