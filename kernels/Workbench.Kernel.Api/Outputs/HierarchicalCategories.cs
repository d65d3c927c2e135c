namespace Workbench.Api;

/// <summary>Turns a hierarchical dimension's finest codes into the categories and parents of the request.</summary>
internal static class HierarchicalCategories
{
    /// <summary>
    /// The leaves (in their order) followed by every ancestor with at least one leaf below it, nearest level first; and
    /// each category's parent (top-level codes have none: they are the total's children).
    /// </summary>
    /// <exception cref="ArgumentException">For a code the hierarchy does not know, or leaves of different levels.</exception>
    public static (IReadOnlyList<string> Categories, IReadOnlyDictionary<string, string> Parents) Extend(
        string column, IReadOnlyList<string> leaves, CategoryHierarchy hierarchy)
    {
        var unknown = leaves.FirstOrDefault(l => !hierarchy.Contains(l));
        if (unknown is not null)
        {
            throw new ArgumentException(
                $"column '{column}' holds '{unknown}', which the hierarchy '{hierarchy.Name}' does not know: filter it out or choose the column of that hierarchy's codes");
        }
        var leafSet = new HashSet<string>(leaves, StringComparer.Ordinal);
        var categories = new List<string>(leaves);
        var listed = new HashSet<string>(leaves, StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var level = leaves.ToList();
        while (level.Count > 0)
        {
            var next = new List<string>();
            foreach (var code in level)
            {
                if (hierarchy.ParentOf(code) is not { } parent) continue;
                parents[code] = parent;
                if (leafSet.Contains(parent))
                {
                    throw new ArgumentException(
                        $"column '{column}' mixes levels of the hierarchy '{hierarchy.Name}': '{parent}' is above '{code}'; give one level and let the hierarchy add the ones above it");
                }
                if (listed.Add(parent)) next.Add(parent);
            }
            categories.AddRange(next);
            level = next;
        }
        return (categories, parents);
    }
}
