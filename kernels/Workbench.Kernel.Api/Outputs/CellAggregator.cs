using OutputControl.Noise;
using OutputControl.Requests;

namespace Workbench.Api;

/// <summary>Turns records into the cells of a table: every inner cell that has records and every margin cell; with
/// cell keys, each cell's key from the record keys of its distinct units (<see cref="CellKeys"/>).</summary>
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
        var withTotal = Enumerable.Range(0, dimensions.Count).Where(d => dimensions[d].Total is not null).ToArray();
        var patterns = 1 << withTotal.Length;
        foreach (var row in rows)
        {
            for (var p = 0; p < patterns; p++)
            {
                var key = (string[])row.Labels.Clone();
                for (var b = 0; b < withTotal.Length; b++)
                {
                    if ((p & (1 << b)) != 0) key[withTotal[b]] = dimensions[withTotal[b]].Total!;
                }
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
                cell.Acc.Units[row.Unit] = cell.Acc.Units.GetValueOrDefault(row.Unit) + row.Value;
            }
        }
        // Margins are always listed (a margin over no records is 0 with 0 units); absent inner cells are structural zeros.
        foreach (var key in MarginKeys(dimensions))
        {
            var id = string.Join('\u001f', key);
            if (!cells.ContainsKey(id)) cells[id] = (key, new Accumulator());
        }
        var ordered = cells.Values.OrderBy(c => Position(dimensions, c.Key), Comparer<int[]>.Create(Compare)).ToList();
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

    private static IEnumerable<string[]> MarginKeys(IReadOnlyList<Dimension> dimensions)
    {
        IEnumerable<string[]> keys = [[]];
        var anyTotal = dimensions.Any(d => d.Total is not null);
        if (!anyTotal) return [];
        foreach (var d in dimensions)
        {
            var options = d.Total is null ? d.Categories : [.. d.Categories, d.Total];
            keys = keys.SelectMany(k => options.Select(o => (string[])[.. k, o]));
        }
        return keys.Where(k => k.Select((label, i) => label == dimensions[i].Total).Any(t => t));
    }

    private static int[] Position(IReadOnlyList<Dimension> dimensions, string[] key) =>
        [.. key.Select((label, d) => label == dimensions[d].Total ? dimensions[d].Categories.Count : IndexOf(dimensions[d].Categories, label))];

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
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
