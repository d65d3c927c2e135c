using System.Diagnostics;
using OutputControl.Requests;
using OutputControl.Rules;
using OutputControl.Tables;

namespace OutputControl.Suppression;

/// <summary>
/// The exact method for tables too large for one MIP (a national buurt × branch × quarter table), in the manner of
/// τ-ARGUS's HiTaS: the table is cut into its flat subtables — one aggregate per dimension with its children, e.g. one
/// wijk's buurten × one section's divisions × the quarters — which are protected one at a time, top-down, each with
/// the exact method. A cell suppressed in one subtable is a cell to protect in every other subtable that holds it,
/// so that no relation recomputes it; passes repeat until no subtable adds a suppression. The caller audits the whole
/// pattern against every relation at once, which is what makes the result exact rather than HiTaS's per-subtable
/// guarantee.
/// </summary>
internal static class SubtableSuppressor
{
    private const int MaxPasses = 8;

    private static readonly TimeSpan PerSubtable = TimeSpan.FromSeconds(1);

    public static bool[] Protect(ProtectionProblem problem, TimeSpan limit, List<string> notes)
    {
        var grid = problem.Grid;
        var clock = Stopwatch.StartNew();
        var suppressed = (bool[])problem.Primary.Clone();
        var inherited = InheritedRequirement(problem);
        var groups = Groups(grid);
        var subtables = Subtables(groups).OrderBy(s => s.Depth).ToList();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < subtables.Count; i++)
        {
            position[subtables[i].Id] = i;
        }

        var cellsOf = subtables.Select(s => s.Cells(grid)).ToArray();
        var solved = 0;
        var timedOut = 0;
        var dirty = Enumerable.Range(0, subtables.Count).Where(i => cellsOf[i].Any(c => suppressed[c])).ToHashSet();
        var changed = new HashSet<int>();
        for (var pass = 0; pass < MaxPasses && dirty.Count > 0; pass++)
        {
            changed.Clear();
            for (var t = 0; t < subtables.Count; t++)
            {
                if (!dirty.Remove(t))
                {
                    continue;
                }

                var cells = cellsOf[t];
                var remaining = limit - clock.Elapsed;
                var method = remaining > TimeSpan.Zero ? SecondaryMethod.Optimal : SecondaryMethod.Fast;
                var local = Local(problem, subtables[t], cells, suppressed, inherited);
                var result = SecondarySuppression.Protect(local, method, Min(remaining, PerSubtable));
                solved++;
                timedOut += method == SecondaryMethod.Fast || result.Notes.Any(n => n.StartsWith("the exact search did not finish", StringComparison.Ordinal)) ? 1 : 0;
                for (var i = 0; i < cells.Length; i++)
                {
                    if (result.Suppressed[i] && !suppressed[cells[i]])
                    {
                        suppressed[cells[i]] = true;
                        changed.Add(cells[i]);
                    }
                }

                // Every other subtable holding a newly suppressed cell must protect it too.
                foreach (var c in changed)
                {
                    foreach (var u in Holding(grid, groups, c))
                    {
                        if (position[u] != t)
                        {
                            dirty.Add(position[u]);
                        }
                    }
                }

                changed.Clear();
            }
        }

        notes.Add($"protected as {subtables.Count} subtables ({solved} solved" +
            (timedOut > 0 ? $", {timedOut} of them by the fast method when the exact one ran out of time)" : ", each exactly)"));
        return suppressed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>What a cell suppressed elsewhere needs here: the widest protection any primary needs.</summary>
    private static ProtectionRequirement InheritedRequirement(ProtectionProblem problem)
    {
        var width = problem.Primaries.Select(p => Math.Max(problem.Requirement[p].Width, problem.Requirement[p].Upper)).DefaultIfEmpty(1).Max();
        return new ProtectionRequirement(width, 0, 0);
    }

    /// <summary>The subtable as a flat table of its own, with the cells already suppressed as its primaries.</summary>
    private static ProtectionProblem Local(ProtectionProblem problem, Subtable subtable, int[] cells, bool[] suppressed, ProtectionRequirement inherited)
    {
        var grid = problem.Grid;
        var dims = new Dimension[grid.Dimensions];
        for (var d = 0; d < dims.Length; d++)
        {
            var source = grid.Table.Dimensions[d];
            string Label(int i) => i == grid.Inner[d] ? source.Total! : source.Categories[i];
            var group = subtable.Groups[d];
            dims[d] = group.Total < 0
                ? new Dimension(source.Name, [.. group.Members.Select(Label)], null)
                : new Dimension(source.Name, [.. group.Members.SkipLast(1).Select(Label)], Label(group.Total));
        }

        var inputs = new CellInput[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            inputs[i] = new CellInput(grid.Key(c), grid.Value[c], grid.Units[c], grid.Contributions(c));
        }

        var local = TableGrid.Build(new TableOutput(grid.Table.Measure, dims, inputs));
        var primary = new bool[local.Count];
        var requirement = new ProtectionRequirement[local.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var at = Locate(local, subtable, grid, cells[i]);
            var c = cells[i];
            primary[at] = suppressed[c];
            requirement[at] = problem.Primary[c] ? problem.Requirement[c] : suppressed[c] ? inherited : default;
        }

        // The local grid is laid out as the subtable's cells are listed (members in order, last dimension fastest).
        return new ProtectionProblem(local, primary, requirement);
    }

    private static int Locate(TableGrid local, Subtable subtable, TableGrid grid, int cell)
    {
        var index = 0;
        for (var d = 0; d < grid.Dimensions; d++)
        {
            index += Array.IndexOf(subtable.Groups[d].Members, grid.Coord(cell, d)) * local.Stride[d];
        }

        return index;
    }

    /// <summary>Per dimension, its groups: an aggregate with its children (total last), or a lone index that is in
    /// no relation.</summary>
    private static List<Group>[] Groups(TableGrid grid)
    {
        var groups = new List<Group>[grid.Dimensions];
        for (var d = 0; d < grid.Dimensions; d++)
        {
            var h = grid.Hierarchy[d];
            groups[d] = [];
            for (var i = 0; i < grid.Size[d]; i++)
            {
                if (h.IsAggregate(i))
                {
                    groups[d].Add(new Group(groups[d].Count, [.. h.Children[i], i], i, h.Depth(i)));
                }
                else if (h.Parent[i] < 0)
                {
                    groups[d].Add(new Group(groups[d].Count, [i], -1, 0));
                }
            }
        }

        return groups;
    }

    /// <summary>Every subtable: one group per dimension.</summary>
    private static IEnumerable<Subtable> Subtables(List<Group>[] groups)
    {
        IEnumerable<Group[]> combos = [[]];
        foreach (var list in groups)
        {
            combos = combos.SelectMany(c => list.Select(g => (Group[])[.. c, g]));
        }

        return combos.Select(c => new Subtable(c));
    }

    /// <summary>The ids of the subtables that hold a cell: per dimension the group of its parent and its own group
    /// when it is an aggregate (or its lone group).</summary>
    private static IEnumerable<string> Holding(TableGrid grid, List<Group>[] groups, int cell)
    {
        IEnumerable<string> ids = [string.Empty];
        for (var d = 0; d < grid.Dimensions; d++)
        {
            var c = grid.Coord(cell, d);
            var h = grid.Hierarchy[d];
            var mine = new List<int>(2);
            if (h.IsAggregate(c) || h.Parent[c] < 0)
            {
                mine.Add(GroupAt(groups[d], c));
            }

            if (h.Parent[c] >= 0)
            {
                mine.Add(GroupAt(groups[d], h.Parent[c]));
            }

            ids = ids.SelectMany(id => mine.Select(g => $"{id}{g}/"));
        }

        return ids;
    }

    /// <summary>The group whose total (or lone index) is <paramref name="index"/>; groups are listed in index order.</summary>
    private static int GroupAt(List<Group> groups, int index)
    {
        int lo = 0, hi = groups.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (groups[mid].Key < index)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return groups[lo].Index;
    }

    private sealed record Group(int Index, int[] Members, int Total, int Depth)
    {
        /// <summary>The index the group is found by: its total, or its lone member.</summary>
        public int Key => Total >= 0 ? Total : Members[0];
    }

    private sealed record Subtable(Group[] Groups)
    {
        public string Id => string.Concat(Groups.Select(g => $"{g.Index}/"));

        public int Depth => Groups.Sum(g => g.Depth);

        public int[] Cells(TableGrid grid)
        {
            IEnumerable<int> cells = [0];
            for (var d = 0; d < grid.Dimensions; d++)
            {
                var dd = d;
                cells = cells.SelectMany(c => Groups[dd].Members.Select(m => c + (m * grid.Stride[dd])));
            }

            return [.. cells];
        }
    }
}
