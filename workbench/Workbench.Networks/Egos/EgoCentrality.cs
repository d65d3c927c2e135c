namespace Workbench.Networks.Egos;

/// <summary>
/// Centralities on an ego subgraph (unweighted, undirected), with igraph's definitions so results compare one to one:
/// betweenness counts each unordered pair once (Brandes' algorithm); closeness is the number of other reachable
/// vertices divided by the sum of distances to them (igraph <c>closeness(normalized=True)</c>, computed on the
/// reachable part).
/// </summary>
public static class EgoCentrality
{
    /// <summary>Betweenness of every local vertex.</summary>
    public static double[] Betweenness(EgoSubgraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        var result = new double[n];
        var sigma = new double[n];
        var distance = new int[n];
        var delta = new double[n];
        var order = new int[n];
        var queue = new int[n];
        for (var s = 0; s < n; s++)
        {
            Array.Fill(distance, -1);
            Array.Clear(sigma);
            Array.Clear(delta);
            sigma[s] = 1;
            distance[s] = 0;
            int head = 0, tail = 0, visited = 0;
            queue[tail++] = s;
            while (head < tail)
            {
                var v = queue[head++];
                order[visited++] = v;
                foreach (var w in graph.Neighbours(v))
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue[tail++] = w;
                    }
                    if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
                }
            }
            for (var i = visited - 1; i > 0; i--)
            {
                var w = order[i];
                foreach (var v in graph.Neighbours(w))
                {
                    if (distance[v] == distance[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }
                result[w] += delta[w];
            }
        }
        // Every unordered pair was counted from both ends.
        for (var i = 0; i < n; i++) result[i] /= 2;
        return result;
    }

    /// <summary>Closeness of one local vertex; 0 for a vertex that reaches no other.</summary>
    public static double Closeness(EgoSubgraph graph, int local)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var distance = new int[graph.VertexCount];
        Array.Fill(distance, -1);
        var queue = new int[graph.VertexCount];
        int head = 0, tail = 0;
        long sum = 0;
        queue[tail++] = local;
        distance[local] = 0;
        while (head < tail)
        {
            var v = queue[head++];
            sum += distance[v];
            foreach (var w in graph.Neighbours(v))
            {
                if (distance[w] >= 0) continue;
                distance[w] = distance[v] + 1;
                queue[tail++] = w;
            }
        }
        return sum == 0 ? 0 : (tail - 1) / (double)sum;
    }

    /// <summary>Closeness of every local vertex.</summary>
    public static double[] Closeness(EgoSubgraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new double[graph.VertexCount];
        for (var i = 0; i < result.Length; i++) result[i] = Closeness(graph, i);
        return result;
    }

    /// <summary>Local clustering coefficient of a local vertex: links among its neighbours / possible links; NaN below degree 2.</summary>
    public static double LocalClustering(EgoSubgraph graph, int local)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var neighbours = graph.Neighbours(local);
        if (neighbours.Length < 2) return double.NaN;
        long links = 0;
        foreach (var u in neighbours)
        {
            foreach (var w in graph.Neighbours(u))
            {
                if (w > u && neighbours.BinarySearch(w) >= 0) links++;
            }
        }
        return links / (neighbours.Length * (neighbours.Length - 1) / 2.0);
    }
}
