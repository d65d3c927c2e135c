namespace OutputControl.Tables;

/// <summary>Groups suppressed cells that share a relation, directly or through other suppressed cells. The
/// attacker's problem splits into independent problems, one per group.</summary>
internal static class Components
{
    public static List<List<int>> Of(TableGrid grid, bool[] suppressed)
    {
        var parent = new Dictionary<int, int>();
        for (var c = 0; c < grid.Count; c++)
        {
            if (suppressed[c])
            {
                parent[c] = c;
            }
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var firstInRelation = new Dictionary<long, int>();
        foreach (var c in parent.Keys.ToList())
        {
            foreach (var r in Relations.Of(grid, c))
            {
                if (firstInRelation.TryGetValue(r, out var other))
                {
                    var a = Find(c);
                    var b = Find(other);
                    if (a != b)
                    {
                        parent[a] = b;
                    }
                }
                else
                {
                    firstInRelation[r] = c;
                }
            }
        }

        var groups = new Dictionary<int, List<int>>();
        foreach (var c in parent.Keys.Order())
        {
            var root = Find(c);
            if (!groups.TryGetValue(root, out var list))
            {
                list = [];
                groups[root] = list;
            }

            list.Add(c);
        }

        return [.. groups.Values];
    }
}
