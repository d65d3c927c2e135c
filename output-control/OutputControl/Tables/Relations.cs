namespace OutputControl.Tables;

/// <summary>
/// The table's linear relations: for every dimension and every cell whose coordinate on it is an aggregate (the total
/// or a subtotal), aggregate = sum of the cells at its children. A relation is identified by (aggregate cell,
/// dimension) as <c>total·D + d</c>. In a hierarchical dimension a subtotal cell is in two relations: its own and
/// its parent's.
/// </summary>
internal static class Relations
{
    public static long Id(TableGrid grid, int totalCell, int d) => ((long)totalCell * grid.Dimensions) + d;

    public static int TotalOf(TableGrid grid, long id) => (int)(id / grid.Dimensions);

    public static int DimensionOf(TableGrid grid, long id) => (int)(id % grid.Dimensions);

    /// <summary>The relations that contain <paramref name="cell"/>, as a child or as the total.</summary>
    public static IEnumerable<long> Of(TableGrid grid, int cell)
    {
        for (var d = 0; d < grid.Dimensions; d++)
        {
            var h = grid.Hierarchy[d];
            var c = grid.Coord(cell, d);
            if (h.Parent[c] >= 0)
            {
                yield return Id(grid, grid.WithCoord(cell, d, h.Parent[c]), d);
            }

            if (h.IsAggregate(c))
            {
                yield return Id(grid, cell, d);
            }
        }
    }

    /// <summary>Calls <paramref name="visit"/> with each member and its coefficient (+1 child, −1 total).</summary>
    public static void Members(TableGrid grid, long id, Action<int, int> visit)
    {
        var total = TotalOf(grid, id);
        var d = DimensionOf(grid, id);
        foreach (var child in grid.Hierarchy[d].Children[grid.Coord(total, d)])
        {
            visit(grid.WithCoord(total, d, child), 1);
        }

        visit(total, -1);
    }
}
