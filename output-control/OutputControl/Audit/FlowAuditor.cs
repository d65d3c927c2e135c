using OutputControl.Tables;

namespace OutputControl.Audit;

/// <summary>
/// Exact audit, as maximum flows instead of LPs, of the tables whose relations form a network: every cell in at most
/// two relations, once with each sign. Raising the primary by t is then a circulation of t through its edge: the
/// largest t is the maximum flow back around, where a cell that falls can carry at most its value and a cell that
/// rises is unbounded. A singleton owner's knowledge removes that cell's edge.
/// <list type="bullet">
/// <item>Two-way tables with both margins (flat): flipping the sign of every marginal cell (total row or column, not
/// the grand total) makes every line of the extended table sum to zero, so each suppressed cell is an edge between its
/// row and its column.</item>
/// <item>One-way tables, hierarchical or not: each relation (an aggregate and its children) is a node, plus one
/// ground node; a cell is the edge from its parent's relation into its own (a leaf's into ground, a root's from
/// ground), so an aggregate's rise flows on into its children. Ground balances by itself: summing every relation
/// gives Σ leaves = Σ roots.</item>
/// </list>
/// </summary>
internal sealed class FlowAuditor
{
    private readonly TableGrid grid;
    private readonly List<(int From, int To, double Capacity, int Cell)> edges = [];
    private readonly List<int>[] adjacency;
    private readonly double[] flow;
    private readonly bool[] disabled;

    public FlowAuditor(TableGrid grid, bool[] suppressed)
    {
        this.grid = grid;
        adjacency = new List<int>[grid.Dimensions == 1 ? grid.Size[0] + 1 : grid.Size[0] + grid.Size[1]];
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

            // The cell rises with flow from → to, and falls (by at most its value) with flow back.
            var (from, to) = Ends(c);
            Add(from, to, double.PositiveInfinity, c);
            Add(to, from, (double)grid.Value[c], c);
        }

        flow = new double[edges.Count];
        disabled = new bool[edges.Count];
    }

    public static bool Applies(TableGrid grid) =>
        grid.Dimensions == 1 || (grid.Dimensions == 2 && grid.HasTotal[0] && grid.HasTotal[1] && grid.IsFlat);

    /// <summary>The largest rise (sign +1) or fall (−1) of a cell, computed up to <paramref name="limit"/>, with the
    /// singleton <paramref name="pinned"/> (or −1) held at its value; <paramref name="used"/> gets the cells moved.</summary>
    public double Reach(int p, int sign, double limit, int pinned, HashSet<int> used)
    {
        Array.Clear(flow);
        for (var e = 0; e < edges.Count; e++)
        {
            disabled[e] = edges[e].Cell == p || edges[e].Cell == pinned;
        }

        // The primary's own edge carries t one way; the rest flows back around.
        var (from, to) = Ends(p);
        var source = sign > 0 ? to : from;
        var sink = sign > 0 ? from : to;
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

    /// <summary>The nodes between which the cell's rise flows.</summary>
    private (int From, int To) Ends(int cell)
    {
        if (grid.Dimensions == 1)
        {
            var ground = grid.Size[0];
            var h = grid.Hierarchy[0];
            var i = grid.Coord(cell, 0);
            return (h.Parent[i] >= 0 ? h.Parent[i] : ground, h.IsAggregate(i) ? i : ground);
        }

        var row = grid.Coord(cell, 0);
        var column = grid.Size[0] + grid.Coord(cell, 1);
        return grid.IsAggregate(cell, 0) ^ grid.IsAggregate(cell, 1) ? (column, row) : (row, column);
    }

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
