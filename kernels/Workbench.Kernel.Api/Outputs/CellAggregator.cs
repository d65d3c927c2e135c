using OutputControl.Noise;
using OutputControl.Requests;

namespace Workbench.Api;

/// <summary>
/// Turns records into the cells of a table: every inner cell that has records and every margin cell (totals and
/// subtotals, each from the records below it); with cell keys, each cell's key from the record keys of its distinct
/// units (<see cref="CellKeys"/>).
/// </summary>
internal static class CellAggregator
{
    private sealed class Accumulator
    {
        public long Records;
        public decimal Value;
        public readonly Dictionary<string, decimal> Units = new(StringComparer.Ordinal);
        public ulong KeySum; // record keys of the distinct units, summed modulo 2⁶⁴: the cell key's fraction
    }

    public static List<CellInput> Aggregate(
        IReadOnlyList<Dimension> dimensions, IReadOnlyList<TableBuilder.SourceRow> rows, Measure measure, bool cellKeys = false)
    {
        var recordKeys = new Dictionary<string, ulong>(StringComparer.Ordinal); // each unit hashed once, not once per margin
        var cells = new Dictionary<string, (string[] Key, Accumulator Acc)>(StringComparer.Ordinal);
        // Per dimension, the labels a record counts under: its own category, each subtotal above it, the total.
        var lines = dimensions.Select(d => new Dictionary<string, string[]>(StringComparer.Ordinal)).ToArray();
        var at = new int[dimensions.Count];
        foreach (var row in rows)
        {
            var chains = new string[dimensions.Count][];
            for (var d = 0; d < chains.Length; d++)
            {
                if (!lines[d].TryGetValue(row.Labels[d], out var chain))
                {
                    chain = Chain(dimensions[d], row.Labels[d]);
                    lines[d][row.Labels[d]] = chain;
                }
                chains[d] = chain;
            }
            Array.Clear(at);
            while (true)
            {
                var key = new string[chains.Length];
                for (var d = 0; d < key.Length; d++) key[d] = chains[d][at[d]];
                var id = string.Join('\u001f', key);
                if (!cells.TryGetValue(id, out var cell))
                {
                    cell = (key, new Accumulator());
                    cells[id] = cell;
                }
                cell.Acc.Records += row.Records;
                cell.Acc.Value += row.Value;
                if (cellKeys && !cell.Acc.Units.ContainsKey(row.Unit))
                {
                    if (!recordKeys.TryGetValue(row.Unit, out var recordKey))
                    {
                        recordKey = CellKeys.RecordKey(row.Unit);
                        recordKeys[row.Unit] = recordKey;
                    }
                    cell.Acc.KeySum = unchecked(cell.Acc.KeySum + recordKey);
                }
                // Units are distinct per cell, so a subtotal counts a unit in two of its children once.
                cell.Acc.Units[row.Unit] = cell.Acc.Units.GetValueOrDefault(row.Unit) + row.Value;
                var next = chains.Length - 1;
                while (next >= 0 && ++at[next] == chains[next].Length) at[next--] = 0;
                if (next < 0) break;
            }
        }
        // Margins are always listed (a margin over no records is 0 with 0 units); absent inner cells are structural zeros.
        foreach (var key in MarginKeys(dimensions))
        {
            var id = string.Join('\u001f', key);
            if (!cells.ContainsKey(id)) cells[id] = (key, new Accumulator());
        }
        var ranks = Ranks(dimensions);
        var ordered = cells.Values.OrderBy(c => (int[])[.. c.Key.Select((label, d) => ranks[d][label])], Comparer<int[]>.Create(Compare)).ToList();
        var result = new List<CellInput>(ordered.Count);
        foreach (var (key, acc) in ordered)
        {
            if (measure == Measure.Count)
            {
                result.Add(new CellInput(key, acc.Records, acc.Units.Count, null, cellKeys ? CellKeys.ToNumber(acc.KeySum) : null));
                continue;
            }
            var negative = acc.Units.FirstOrDefault(u => u.Value < 0);
            if (negative.Key is not null)
            {
                throw new ArgumentException(
                    $"unit {negative.Key} contributes {negative.Value} to cell {KeyFormat.Format(key)}: contributions must be non-negative for the dominance rules");
            }
            result.Add(new CellInput(key, acc.Value, acc.Units.Count, [.. acc.Units.Values.OrderDescending()]));
        }
        return result;
    }

    private static string[] Chain(Dimension dimension, string label)
    {
        var chain = new List<string> { label };
        for (var c = label; dimension.Parents?.TryGetValue(c, out var parent) == true; c = parent) chain.Add(parent);
        if (dimension.Total is { } total) chain.Add(total);
        return [.. chain];
    }

    // A margin is a cell with a total or a subtotal among its coordinates.
    private static IEnumerable<string[]> MarginKeys(IReadOnlyList<Dimension> dimensions)
    {
        var aggregates = dimensions.Select(d => new HashSet<string>(
            d.Total is null ? d.Parents?.Values ?? [] : [.. d.Parents?.Values ?? [], d.Total], StringComparer.Ordinal)).ToArray();
        if (aggregates.All(a => a.Count == 0)) return [];
        IEnumerable<string[]> keys = [[]];
        foreach (var d in dimensions)
        {
            var options = d.Total is null ? d.Categories : [.. d.Categories, d.Total];
            keys = keys.SelectMany(k => options.Select(o => (string[])[.. k, o]));
        }
        return keys.Where(k => k.Select((label, i) => aggregates[i].Contains(label)).Any(t => t));
    }

    private static Dictionary<string, int>[] Ranks(IReadOnlyList<Dimension> dimensions) => [.. dimensions.Select(Rank)];

    // Categories in their order, the total last; a hierarchical dimension lists each subtotal right after its children.
    private static Dictionary<string, int> Rank(Dimension dimension)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!dimension.IsHierarchical)
        {
            for (var i = 0; i < dimension.Categories.Count; i++) rank[dimension.Categories[i]] = i;
        }
        else
        {
            var children = dimension.Categories.ToDictionary(c => c, _ => new List<string>(), StringComparer.Ordinal);
            var roots = new List<string>();
            foreach (var c in dimension.Categories)
            {
                if (dimension.Parents!.TryGetValue(c, out var parent)) children[parent].Add(c);
                else roots.Add(c);
            }
            // Leaves come first in the categories, so a subtotal sorts by its first leaf, after its children.
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < dimension.Categories.Count; i++)
            {
                if (children[dimension.Categories[i]].Count == 0) first[dimension.Categories[i]] = i;
            }
            int First(string c) => first.TryGetValue(c, out var f) ? f : first[c] = children[c].Min(First);
            void Visit(string c)
            {
                foreach (var child in children[c].OrderBy(First)) Visit(child);
                rank[c] = rank.Count;
            }
            foreach (var root in roots.OrderBy(First)) Visit(root);
        }
        if (dimension.Total is { } total) rank[total] = dimension.Categories.Count;
        return rank;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
