using Workbench.Networks.Core;

namespace Workbench.Networks.Measures;

/// <summary>
/// Whole-network measures on the core, for a layer selection: degree per layer, connected components (union-find),
/// k-core decomposition (Batagelj-Zaversnik, linear time) and local clustering. QuikGraph has no k-core or clustering
/// and would need its own copy of the graph for components; these run on the mapped CSR directly.
/// </summary>
public static class NetworkMeasures
{
    /// <summary>Degree of every vertex in each layer: <c>result[layer][vertex]</c>.</summary>
    public static int[][] DegreePerLayer(MultilayerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = network.LayerNames.Count;
        var result = new int[layers][];
        for (var l = 0; l < layers; l++) result[l] = new int[network.VertexCount];
        Parallel.For(0, network.VertexCount, v =>
        {
            foreach (var mask in network.NeighbourLayers(v))
            {
                for (var l = 0; l < layers; l++)
                {
                    if ((mask & (1 << l)) != 0) result[l][v]++;
                }
            }
        });
        return result;
    }

    /// <summary>Connected components along links in <paramref name="layers"/>.</summary>
    public static ComponentLabels Components(MultilayerNetwork network, LayerMask layers)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.VertexCount;
        var parent = new int[n];
        for (var v = 0; v < n; v++) parent[v] = v;
        var bits = layers.Bits;
        for (var v = 0; v < n; v++)
        {
            var neighbours = network.Neighbours(v);
            var masks = network.NeighbourLayers(v);
            // Lists are ascending: only the part above v is new.
            var from = neighbours.BinarySearch(v);
            for (var i = ~from; i < neighbours.Length; i++)
            {
                if ((masks[i] & bits) == 0) continue;
                var a = Find(parent, v);
                var b = Find(parent, neighbours[i]);
                if (a == b) continue;
                if (a < b) parent[b] = a; else parent[a] = b;
            }
        }
        var labels = new int[n];
        var sizes = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var root = Find(parent, v);
            if (root == v)
            {
                labels[v] = sizes.Count;
                sizes.Add(0);
            }
            else labels[v] = labels[root]; // root < v: already labelled (union keeps the smaller id as root)
            sizes[labels[v]]++;
        }
        return new ComponentLabels(labels, [.. sizes]);
    }

    /// <summary>The coreness of every vertex: the largest k such that it lies in the k-core along <paramref name="layers"/>.</summary>
    public static int[] CoreNumbers(MultilayerNetwork network, LayerMask layers)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.VertexCount;
        var degree = new int[n];
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            degree[v] = network.Degree(v, layers);
            maxDegree = Math.Max(maxDegree, degree[v]);
        }
        // Bucket sort by degree: bins[d] = first position of degree d in order; position[v] = index of v in order.
        var bins = new int[maxDegree + 2];
        foreach (var d in degree) bins[d + 1]++;
        for (var d = 1; d < bins.Length; d++) bins[d] += bins[d - 1];
        var order = new int[n];
        var position = new int[n];
        var next = (int[])bins.Clone();
        for (var v = 0; v < n; v++)
        {
            position[v] = next[degree[v]]++;
            order[position[v]] = v;
        }
        var bits = layers.Bits;
        for (var i = 0; i < n; i++)
        {
            var v = order[i];
            var neighbours = network.Neighbours(v);
            var masks = network.NeighbourLayers(v);
            for (var j = 0; j < neighbours.Length; j++)
            {
                var u = neighbours[j];
                if ((masks[j] & bits) == 0 || degree[u] <= degree[v]) continue;
                // Move u to the front of its bin, then shrink its degree by one.
                var du = degree[u];
                var first = bins[du];
                var w = order[first];
                if (w != u)
                {
                    order[position[u]] = w;
                    position[w] = position[u];
                    order[first] = u;
                    position[u] = first;
                }
                bins[du]++;
                degree[u]--;
            }
        }
        return degree;
    }

    /// <summary>Local clustering coefficient of a vertex along <paramref name="layers"/>; NaN below degree 2.</summary>
    public static double LocalClustering(MultilayerNetwork network, int vertex, LayerMask layers)
    {
        ArgumentNullException.ThrowIfNull(network);
        var selected = Selected(network, vertex, layers);
        if (selected.Length < 2) return double.NaN;
        long links = 0;
        foreach (var u in selected)
        {
            var neighbours = network.Neighbours(u);
            var masks = network.NeighbourLayers(u);
            for (var j = 0; j < neighbours.Length; j++)
            {
                var w = neighbours[j];
                if (w > u && layers.Matches(masks[j]) && Array.BinarySearch(selected, w) >= 0) links++;
            }
        }
        return links / (selected.Length * (selected.Length - 1) / 2.0);
    }

    private static int[] Selected(MultilayerNetwork network, int vertex, LayerMask layers)
    {
        var neighbours = network.Neighbours(vertex);
        var masks = network.NeighbourLayers(vertex);
        var selected = new List<int>(neighbours.Length);
        for (var i = 0; i < neighbours.Length; i++)
        {
            if (layers.Matches(masks[i])) selected.Add(neighbours[i]);
        }
        return [.. selected];
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
