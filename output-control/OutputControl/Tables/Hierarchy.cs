using OutputControl.Requests;

namespace OutputControl.Tables;

/// <summary>
/// The tree of one dimension over its extended index (categories 0..n−1, the total at n): each index's parent (−1 at
/// a root) and children. A flat dimension with a total is a tree of depth one; one without a total has no relation.
/// </summary>
internal sealed class Hierarchy
{
    private readonly Dictionary<string, int> index;

    private Hierarchy(Dictionary<string, int> index, int[] parent, int[][] children, bool hasSubtotals)
    {
        this.index = index;
        Parent = parent;
        Children = children;
        HasSubtotals = hasSubtotals;
    }

    /// <summary>Each index's parent, −1 for a root (the total, or a category of a dimension without one).</summary>
    public int[] Parent { get; }

    /// <summary>Each index's children; empty for a leaf.</summary>
    public int[][] Children { get; }

    /// <summary>Whether some category has children.</summary>
    public bool HasSubtotals { get; }

    public bool IsAggregate(int index) => Children[index].Length > 0;

    public bool IsLeaf(int index) => Children[index].Length == 0;

    /// <summary>The index of a category or of the total by its label, −1 for a label the dimension does not have.</summary>
    public int IndexOf(string label) => index.TryGetValue(label, out var i) ? i : -1;

    /// <summary>How many ancestors an index has (0 at a root).</summary>
    public int Depth(int i)
    {
        var depth = 0;
        for (var a = Parent[i]; a >= 0; a = Parent[a])
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Builds and validates the tree: every parent and child a category, no cycle, totals not parented.</summary>
    public static Hierarchy Build(Dimension dimension, string field)
    {
        var n = dimension.Categories.Count;
        var size = n + (dimension.HasTotal ? 1 : 0);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            index[dimension.Categories[i]] = i;
        }

        var parent = new int[size];
        Array.Fill(parent, -1);
        foreach (var (child, of) in dimension.Parents ?? new Dictionary<string, string>())
        {
            var at = $"{field}.parents.{child}";
            if (!index.TryGetValue(child, out var c))
            {
                throw new InvalidRequestException(at, child == dimension.Total
                    ? $"the total '{child}' has no parent"
                    : $"'{child}' is not a category of '{dimension.Name}'");
            }

            if (!index.TryGetValue(of, out var p))
            {
                throw new InvalidRequestException(at, of == dimension.Total
                    ? $"name no parent for a top-level category: '{of}' is the total, which holds every category without a parent"
                    : $"parent '{of}' is not a category of '{dimension.Name}'");
            }

            parent[c] = p;
        }

        for (var i = 0; i < n; i++)
        {
            var seen = 0;
            for (var a = parent[i]; a >= 0; a = parent[a])
            {
                if (a == i || ++seen > n)
                {
                    throw new InvalidRequestException(
                        $"{field}.parents.{dimension.Categories[i]}", $"'{dimension.Categories[i]}' is its own ancestor");
                }
            }
        }

        if (dimension.HasTotal)
        {
            index[dimension.Total!] = n;
            for (var i = 0; i < n; i++)
            {
                if (parent[i] < 0)
                {
                    parent[i] = n;
                }
            }
        }

        var children = new List<int>[size];
        for (var i = 0; i < size; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < size; i++)
        {
            if (parent[i] >= 0)
            {
                children[parent[i]].Add(i);
            }
        }

        var hasSubtotals = Enumerable.Range(0, n).Any(i => children[i].Count > 0);
        return new Hierarchy(index, parent, [.. children.Select(c => c.ToArray())], hasSubtotals);
    }
}
