using OutputControl.Requests;
using OutputControl.Tables;

namespace OutputControl.Linked;

/// <summary>
/// The output and the earlier releases it is linked with, as one cover table: every cell of every table is a
/// variable, a cell of an earlier table that describes the same group as a cell of the output (the same category,
/// or total, of every spanning variable) is the same variable, and every table's relations hold. Spanning variables
/// are matched by content — dimensions sharing categories — never by name. A variable one table does not have is at
/// its total there.
/// </summary>
internal sealed class CoverTable
{
    private readonly List<int[]> members = [];
    private readonly List<int[]> coefficients = [];

    private CoverTable(TableGrid output)
    {
        Output = output;
        Count = output.Count;
        Value = [.. output.Value];
        PublishedBefore = [.. new bool[Count]];
        SeenBefore = new bool[Count];
        Owner = [.. Enumerable.Repeat(-1, Count)];
        Label = [.. Enumerable.Range(0, Count).Select(output.FormatKey)];
        foreach (var relation in AllRelations(output))
        {
            Add(relation, c => c);
        }
    }

    public TableGrid Output { get; }

    /// <summary>Variables: the output's cells (same indices as its grid), then the earlier tables' own cells.</summary>
    public int Count { get; private set; }

    public List<decimal> Value { get; }

    /// <summary>Whether some earlier release published the variable's value.</summary>
    public List<bool> PublishedBefore { get; }

    /// <summary>For the output's cells: whether an earlier release holds the same cell.</summary>
    public bool[] SeenBefore { get; }

    /// <summary>For a variable of an earlier table only: which previous output it belongs to; −1 for the output's.</summary>
    public List<int> Owner { get; }

    public List<string> Label { get; }

    /// <summary>Per earlier output: how many of its cells are cells of the output; absent when it is not linked.</summary>
    public Dictionary<int, int> Shared { get; } = [];

    /// <summary>Each relation's variables and coefficients (+1 a child, −1 the aggregate).</summary>
    public IReadOnlyList<int[]> Members => members;

    public IReadOnlyList<int[]> Coefficients => coefficients;

    /// <summary>Variables of earlier tables that were suppressed there and published nowhere.</summary>
    public IEnumerable<int> HiddenBefore => Enumerable.Range(Output.Count, Count - Output.Count).Where(v => !PublishedBefore[v]);

    /// <summary>The output's cells that an earlier release holds but did not publish.</summary>
    public IEnumerable<int> HiddenInOutput => Enumerable.Range(0, Output.Count).Where(v => SeenBefore[v] && !PublishedBefore[v]);

    public static CoverTable Build(TableGrid output, IReadOnlyList<Output> previous)
    {
        var cover = new CoverTable(output);
        for (var i = 0; i < previous.Count; i++)
        {
            if (previous[i] is TableOutput before && output.Table.SamePopulation(before))
            {
                cover.Link(before, i);
            }
        }

        return cover;
    }

    private void Link(TableOutput before, int owner)
    {
        var pairing = Pair(Output.Table, before);
        if (pairing is null)
        {
            return;
        }

        var grid = TableGrid.Build(before, $"previous[{owner}].");
        var map = new int[grid.Count];
        var shared = 0;
        for (var c = 0; c < grid.Count; c++)
        {
            // The same group with another value (data revised since) is not the same cell: differencing judges it.
            var same = Same(grid, c, pairing);
            same = same >= 0 && Output.Value[same] == grid.Value[c] ? same : -1;
            var published = grid.Source[c] < 0 || !before.Cells[grid.Source[c]].Suppressed;
            if (same >= 0)
            {
                map[c] = same;
                SeenBefore[same] = true;
                shared++;
            }
            else
            {
                map[c] = Count++;
                Value.Add(grid.Value[c]);
                PublishedBefore.Add(false);
                Owner.Add(owner);
                Label.Add($"previous[{owner}] {grid.FormatKey(c)}");
            }

            PublishedBefore[map[c]] |= published;
        }

        Shared[owner] = shared;
        foreach (var relation in AllRelations(grid))
        {
            Add(relation, c => map[c]);
        }
    }

    /// <summary>The output's cell that holds the same group as the earlier table's cell, or −1.</summary>
    private int Same(TableGrid before, int cell, int[] pairing)
    {
        var index = 0;
        for (var d = 0; d < Output.Dimensions; d++)
        {
            var e = Array.IndexOf(pairing, d);
            int at;
            if (e < 0)
            {
                // A variable the earlier table does not have: it is at the output's total there.
                if (!Output.HasTotal[d])
                {
                    return -1;
                }

                at = Output.Inner[d];
            }
            else if (before.IsAggregate(cell, e) && before.Coord(cell, e) == before.Inner[e])
            {
                if (!Output.HasTotal[d])
                {
                    return -1;
                }

                at = Output.Inner[d];
            }
            else
            {
                var label = before.Table.Dimensions[e].Categories[before.Coord(cell, e)];
                at = Output.Hierarchy[d].IndexOf(label);
                if (at < 0 || at == Output.Inner[d])
                {
                    return -1;
                }
            }

            index += at * Output.Stride[d];
        }

        // A variable the output does not have must be at the earlier table's total.
        for (var e = 0; e < pairing.Length; e++)
        {
            if (pairing[e] < 0 && !(before.HasTotal[e] && before.Coord(cell, e) == before.Inner[e]))
            {
                return -1;
            }
        }

        return index;
    }

    /// <summary>For each dimension of the earlier table, the output's dimension it is (most shared categories
    /// first, each used once), −1 for a variable the output does not have; null when none is shared.</summary>
    public static int[]? Pair(TableOutput output, TableOutput before)
    {
        var pairs = new List<(int E, int D, int Shared)>();
        for (var e = 0; e < before.Dimensions.Count; e++)
        {
            var mine = before.Dimensions[e].Categories.ToHashSet(StringComparer.Ordinal);
            for (var d = 0; d < output.Dimensions.Count; d++)
            {
                var shared = output.Dimensions[d].Categories.Count(mine.Contains);
                if (shared > 0)
                {
                    pairs.Add((e, d, shared));
                }
            }
        }

        if (pairs.Count == 0)
        {
            return null;
        }

        var pairing = Enumerable.Repeat(-1, before.Dimensions.Count).ToArray();
        var used = new HashSet<int>();
        foreach (var (e, d, _) in pairs.OrderByDescending(p => p.Shared).ThenBy(p => p.E).ThenBy(p => p.D))
        {
            if (pairing[e] < 0 && used.Add(d))
            {
                pairing[e] = d;
            }
        }

        return pairing;
    }

    private static IEnumerable<List<(int Cell, int Coefficient)>> AllRelations(TableGrid grid)
    {
        for (var cell = 0; cell < grid.Count; cell++)
        {
            for (var d = 0; d < grid.Dimensions; d++)
            {
                if (grid.IsAggregate(cell, d))
                {
                    var relation = new List<(int, int)>();
                    Relations.Members(grid, Relations.Id(grid, cell, d), (c, k) => relation.Add((c, k)));
                    yield return relation;
                }
            }
        }
    }

    private void Add(List<(int Cell, int Coefficient)> relation, Func<int, int> map)
    {
        members.Add([.. relation.Select(r => map(r.Cell))]);
        coefficients.Add([.. relation.Select(r => r.Coefficient)]);
    }
}
