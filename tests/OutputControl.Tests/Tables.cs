using OutputControl.Requests;

namespace OutputControl.Tests;

/// <summary>Builders for hand-made tables: inner values with all margins computed, units equal to the count unless
/// given.</summary>
internal static class Tables
{
    public static TableOutput OneWay(decimal[] values, long[]? units = null, bool total = true)
    {
        var categories = Enumerable.Range(0, values.Length).Select(i => ((char)('A' + i)).ToString()).ToArray();
        var cells = new List<CellInput>();
        for (var i = 0; i < values.Length; i++)
        {
            cells.Add(new CellInput([categories[i]], values[i], units?[i] ?? (long)values[i], null));
        }

        if (total)
        {
            cells.Add(new CellInput(["T"], values.Sum(), (units ?? values.Select(v => (long)v).ToArray()).Sum(), null));
        }

        return new TableOutput(Measure.Count, [new Dimension("d0", categories, total ? "T" : null)], cells);
    }

    /// <summary>A 1- to 4-way count table with every margin; <paramref name="inner"/> is indexed in row-major order
    /// and units equal values except where <paramref name="units"/> says otherwise.</summary>
    public static TableOutput Grid(int[] sizes, decimal[] inner, long[]? units = null, bool[]? totals = null)
    {
        var d = sizes.Length;
        totals ??= Enumerable.Repeat(true, d).ToArray();
        var dims = Enumerable.Range(0, d)
            .Select(k => new Dimension($"d{k}", Enumerable.Range(0, sizes[k]).Select(i => $"{(char)('a' + k)}{i}").ToArray(), totals[k] ? "T" : null))
            .ToArray();
        var ext = Enumerable.Range(0, d).Select(k => sizes[k] + (totals[k] ? 1 : 0)).ToArray();
        var count = ext.Aggregate(1, (a, b) => a * b);
        var cells = new List<CellInput>();
        for (var cell = 0; cell < count; cell++)
        {
            var coord = new int[d];
            var rest = cell;
            for (var k = d - 1; k >= 0; k--)
            {
                coord[k] = rest % ext[k];
                rest /= ext[k];
            }

            var value = 0m;
            long unit = 0;
            foreach (var i in InnerCells(sizes, coord))
            {
                value += inner[i];
                unit += units?[i] ?? (long)inner[i];
            }

            var key = Enumerable.Range(0, d).Select(k => coord[k] == sizes[k] ? "T" : dims[k].Categories[coord[k]]).ToArray();
            cells.Add(new CellInput(key, value, unit, null));
        }

        return new TableOutput(Measure.Count, dims, cells);
    }

    private static IEnumerable<int> InnerCells(int[] sizes, int[] coord)
    {
        IEnumerable<int> result = [0];
        for (var k = 0; k < sizes.Length; k++)
        {
            var kk = k;
            var range = coord[k] == sizes[k] ? Enumerable.Range(0, sizes[k]) : [coord[k]];
            result = result.SelectMany(r => range.Select(i => (r * sizes[kk]) + i)).ToList();
        }

        return result;
    }

    /// <summary>
    /// A count table over dimensions that may be hierarchical: every cell (leaf, subtotal or total on each dimension)
    /// is the sum of the leaf cells below it, <paramref name="leaf"/> giving each leaf combination's value (by
    /// category labels); units equal values.
    /// </summary>
    public static TableOutput Hierarchical(IReadOnlyList<Dimension> dims, Func<string[], decimal> leaf)
    {
        var below = dims.Select(d =>
        {
            var labels = d.Categories.Concat(d.Total is null ? [] : [d.Total]).ToArray();
            var parents = d.Parents ?? new Dictionary<string, string>();
            string? ParentOf(string c) => parents.TryGetValue(c, out var p) ? p : c == d.Total ? null : d.Total;
            var leaves = d.Categories.Where(c => !parents.Values.Contains(c)).ToArray();
            return labels.Select(label => (Label: label, Leaves: leaves.Where(l =>
            {
                for (var a = (string?)l; a is not null; a = ParentOf(a))
                {
                    if (a == label)
                    {
                        return true;
                    }
                }

                return false;
            }).ToArray())).ToArray();
        }).ToArray();
        IEnumerable<(string Label, string[] Leaves)[]> combos = [[]];
        foreach (var options in below)
        {
            combos = combos.SelectMany(c => options.Select(o => c.Append(o).ToArray())).ToList();
        }

        var cells = new List<CellInput>();
        foreach (var combo in combos)
        {
            IEnumerable<string[]> leafKeys = [[]];
            foreach (var part in combo)
            {
                leafKeys = leafKeys.SelectMany(k => part.Leaves.Select(l => k.Append(l).ToArray())).ToList();
            }

            var value = leafKeys.Sum(leaf);
            cells.Add(new CellInput([.. combo.Select(c => c.Label)], value, (long)value, null));
        }

        return new TableOutput(Measure.Count, dims, cells);
    }

    public static CheckRequest Request(TableOutput table, Policy? policy = null, params Output[] previous) =>
        new(policy ?? Policy.Default, table, previous);
}
