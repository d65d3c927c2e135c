using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Differencing;

/// <summary>
/// Compares a table with outputs released before over the same dimensions. Subtracting a cell published now from
/// the same cell released then (matched by label per dimension name, totals matching totals whatever their labels)
/// isolates the group that differs; when that group has 1 to minUnits−1 units (or, for counts, records) the output
/// is a differencing disclosure.
/// </summary>
public static class DifferencingCheck
{
    /// <summary>Findings for every published cell whose difference with a previous output isolates a small group.
    /// <paramref name="isPublished"/> tells, by index into <paramref name="now"/>'s cells, which are published.</summary>
    public static IReadOnlyList<Finding> Find(TableOutput now, Func<int, bool> isPublished, IReadOnlyList<Output> previous, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(isPublished);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<Finding>();
        for (var i = 0; i < previous.Count; i++)
        {
            if (previous[i] is not TableOutput before)
            {
                continue;
            }

            var index = Index(before, now);
            for (var c = 0; c < now.Cells.Count; c++)
            {
                if (!isPublished(c) || Match(now, before, index, now.Cells[c].Key) is not { } then)
                {
                    continue;
                }

                var cell = now.Cells[c];
                var units = Math.Abs(cell.Units - then.Units);
                var records = Math.Abs(cell.Value - then.Value);
                var key = KeyFormat.Format(cell.Key);
                if (units >= 1 && units < policy.MinUnits)
                {
                    findings.Add(new Finding(
                        "differencing",
                        $"cell {key}: {cell.Units} units now, {then.Units} in previous[{i}]: the difference isolates {units} units (< {policy.MinUnits})"));
                }
                else if (now.Measure == Measure.Count && records >= 1 && records < policy.MinUnits)
                {
                    findings.Add(new Finding(
                        "differencing",
                        $"cell {key}: count {KeyFormat.Format(cell.Value)} now, {KeyFormat.Format(then.Value)} in previous[{i}]: the difference isolates {KeyFormat.Format(records)} records (< {policy.MinUnits})"));
                }
            }
        }

        return findings;
    }

    private static Dictionary<string, CellInput> Index(TableOutput before, TableOutput now)
    {
        var order = now.Dimensions.Select(d => before.Dimensions.ToList().FindIndex(b => b.Name == d.Name)).ToArray();
        var index = new Dictionary<string, CellInput>(StringComparer.Ordinal);
        foreach (var cell in before.Cells)
        {
            var key = order.Select(o => Normal(before.Dimensions[o], cell.Key[o])).ToArray();
            index[string.Join('\u001f', key)] = cell;
        }

        return index;
    }

    private static CellInput? Match(TableOutput now, TableOutput before, Dictionary<string, CellInput> index, IReadOnlyList<string> key)
    {
        var normal = new string[key.Count];
        var inner = true;
        for (var d = 0; d < key.Count; d++)
        {
            normal[d] = Normal(now.Dimensions[d], key[d]);
            var other = before.Dimensions.First(b => b.Name == now.Dimensions[d].Name);
            if (normal[d] == "\u0000total")
            {
                inner = false;
                if (!other.HasTotal)
                {
                    return null;
                }
            }
            else if (!other.Categories.Contains(key[d]))
            {
                return null;
            }
        }

        if (index.TryGetValue(string.Join('\u001f', normal), out var cell))
        {
            return cell;
        }

        // An absent inner cell of the earlier table was a structural zero; an absent margin cannot be compared.
        return inner ? new CellInput(key, 0, 0, null) : null;
    }

    private static string Normal(Dimension dimension, string label) => label == dimension.Total ? "\u0000total" : label;
}
