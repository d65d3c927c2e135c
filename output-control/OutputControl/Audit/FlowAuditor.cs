using OutputControl.Tables;

namespace OutputControl.Audit;

/// <summary>
/// Exact audit of two-way tables with both margins, as maximum flows instead of LPs. Flipping the sign of every
/// marginal cell (total row or column, not the grand total) turns the relations into "every line of the extended
/// table sums to zero", so the attacker's moves are circulations in the bipartite graph rows ↔ columns with one edge
/// per suppressed cell. Raising the primary by t is a circulation of t through its edge: the largest t is the
/// maximum flow back around, where a cell that falls can carry at most its value and a cell that rises is
/// unbounded. A singleton owner's knowledge removes that cell's edge.
/// </summary>
internal sealed class FlowAuditor
{
    private readonly TableGrid grid;
    private readonly int rows;
    private readonly List<(int From, int To, double Capacity, int Cell)> edges = [];
    private readonly List<int>[] adjacency;
    private readonly double[] flow;
    private readonly bool[] disabled;

    public FlowAuditor(TableGrid grid, bool[] suppressed)
    {
        this.grid = grid;
        rows = grid.Size[0];
        adjacency = new List<int>[rows + grid.Size[1]];
        for (var i = 0; i < adjacency.Length; i++)
        {
            adjacency[i] = [];
        }

        for (var c = 0; c < grid.Count; c++)
        {
            if (!suppressed[c])
            {
                continue;
            }

            var row = grid.Coord(c, 0);
            var column = rows + grid.Coord(c, 1);
            var x = (double)grid.Value[c];
            // Row→column raises the flipped value: the cell itself rises when its sign is +1, falls when −1.
            var forward = Sign(c) > 0 ? double.PositiveInfinity : x;
            var backward = Sign(c) > 0 ? x : double.PositiveInfinity;
            Add(row, column, forward, c);
            Add(column, row, backward, c);
        }

        flow = new double[edges.Count];
        disabled = new bool[edges.Count];
    }

    public static bool Applies(TableGrid grid) => grid.Dimensions == 2 && grid.HasTotal[0] && grid.HasTotal[1] && grid.IsFlat;

    /// <summary>The largest rise (sign +1) or fall (−1) of a cell, computed up to <paramref name="limit"/>, with the
    /// singleton <paramref name="pinned"/> (or −1) held at its value; <paramref name="used"/> gets the cells moved.</summary>
    public double Reach(int p, int sign, double limit, int pinned, HashSet<int> used)
    {
        Array.Clear(flow);
        for (var e = 0; e < edges.Count; e++)
        {
            disabled[e] = edges[e].Cell == p || edges[e].Cell == pinned;
        }

        var row = grid.Coord(p, 0);
        var column = rows + grid.Coord(p, 1);
        // The primary's own edge carries t one way (row→column if its flipped value rises); the rest flows back.
        var rises = Sign(p) * sign > 0;
        var source = rises ? column : row;
        var sink = rises ? row : column;
        if (sign < 0)
        {
            limit = Math.Min(limit, (double)grid.Value[p]);
        }

        var total = MaxFlow(source, sink, limit);
        for (var e = 0; e < edges.Count; e++)
        {
            if (flow[e] > 1e-12)
            {
                used.Add(edges[e].Cell);
            }
        }

        return total;
    }

    private int Sign(int cell) => grid.IsAggregate(cell, 0) ^ grid.IsAggregate(cell, 1) ? -1 : 1;

    private void Add(int from, int to, double capacity, int cell)
    {
        adjacency[from].Add(edges.Count);
        edges.Add((from, to, capacity, cell));
    }

    private double MaxFlow(int source, int sink, double limit)
    {
        var total = 0.0;
        var parent = new int[adjacency.Length];
        while (total < limit)
        {
            Array.Fill(parent, -2);
            parent[source] = -1;
            var queue = new Queue<int>();
            queue.Enqueue(source);
            while (queue.Count > 0 && parent[sink] == -2)
            {
                var u = queue.Dequeue();
                foreach (var e in adjacency[u])
                {
                    var v = edges[e].To;
                    if (!disabled[e] && parent[v] == -2 && Residual(e) > 1e-12)
                    {
                        parent[v] = e;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[sink] == -2)
            {
                return total;
            }

            var push = limit - total;
            for (var v = sink; v != source; v = edges[parent[v]].From)
            {
                push = Math.Min(push, Residual(parent[v]));
            }

            for (var v = sink; v != source; v = edges[parent[v]].From)
            {
                var e = parent[v];
                flow[e] += push;
                // Each cell has a pair of opposite edges (2k, 2k+1): pushing one way cancels flow the other way.
                var twin = e ^ 1;
                var cancel = Math.Min(flow[twin], flow[e]);
                flow[twin] -= cancel;
                flow[e] -= cancel;
            }

            total += push;
        }

        return total;
    }

    private double Residual(int e) => edges[e].Capacity - flow[e] + flow[e ^ 1];
}
