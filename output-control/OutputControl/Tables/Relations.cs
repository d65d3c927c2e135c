namespace OutputControl.Tables;

/// <summary>
/// The table's linear relations: for every dimension with a margin and every cell whose coordinate on it is the
/// total, total = sum of the cells along that dimension. A relation is identified by (total cell, dimension) as
/// <c>total·D + d</c>.
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
            if (grid.HasTotal[d])
            {
                yield return Id(grid, grid.WithCoord(cell, d, grid.Inner[d]), d);
            }
        }
    }

    /// <summary>Calls <paramref name="visit"/> with each member and its coefficient (+1 child, −1 total).</summary>
    public static void Members(TableGrid grid, long id, Action<int, int> visit)
    {
        var total = TotalOf(grid, id);
        var d = DimensionOf(grid, id);
        var first = grid.WithCoord(total, d, 0);
        for (var i = 0; i < grid.Inner[d]; i++)
        {
            visit(first + (i * grid.Stride[d]), 1);
        }

        visit(total, -1);
    }
}
