using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Differencing;

/// <summary>
/// Compares a table with outputs released before over the same dimensions. Subtracting a cell published now from
/// the same cell released then (matched by label within dimensions paired by their categories, not by their names or
/// their order — see <see cref="DimensionPairing"/> — and totals matching totals whatever their labels) isolates the
/// group that differs (only cells the public saw then: not those marked suppressed; only tables of the same measure
/// and population); when that group has 1 to minUnits−1 units (or, for counts, records) the output is a
/// differencing disclosure. When two pairings fit equally well, each is tried.
/// </summary>
public static class DifferencingCheck
{
    private const string Total = "\u0000total";

    /// <summary>Findings for every published cell whose difference with a previous output isolates a small group.
    /// <paramref name="isPublished"/> tells, by index into <paramref name="now"/>'s cells, which are published.</summary>
    public static IReadOnlyList<Finding> Find(TableOutput now, Func<int, bool> isPublished, IReadOnlyList<Output> previous, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(isPublished);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < previous.Count; i++)
        {
            if (previous[i] is not TableOutput before || !now.SamePopulation(before))
            {
                continue;
            }

            foreach (var pairing in DimensionPairing.Of(now, before))
            {
                foreach (var finding in Compare(now, isPublished, before, pairing, i, policy))
                {
                    if (seen.Add(finding.Detail))
                    {
                        findings.Add(finding);
                    }
                }
            }
        }

        return findings;
    }

    private static List<Finding> Compare(TableOutput now, Func<int, bool> isPublished, TableOutput before, int[] pairing, int i, Policy policy)
    {
        var findings = new List<Finding>();
        var index = Index(before, pairing);
        for (var c = 0; c < now.Cells.Count; c++)
        {
            // A cell the earlier release did not publish cannot be subtracted from.
            if (!isPublished(c) || Match(now, before, pairing, index, now.Cells[c].Key) is not { } then || then.Suppressed)
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

        return findings;
    }

    /// <summary>The earlier table's cells by their key in the current table's dimension order.</summary>
    private static Dictionary<string, CellInput> Index(TableOutput before, int[] pairing)
    {
        var index = new Dictionary<string, CellInput>(StringComparer.Ordinal);
        foreach (var cell in before.Cells)
        {
            var key = pairing.Select(o => Normal(before.Dimensions[o], cell.Key[o])).ToArray();
            index[string.Join('\u001f', key)] = cell;
        }

        return index;
    }

    private static CellInput? Match(TableOutput now, TableOutput before, int[] pairing, Dictionary<string, CellInput> index, IReadOnlyList<string> key)
    {
        var normal = new string[key.Count];
        var inner = true;
        for (var d = 0; d < key.Count; d++)
        {
            normal[d] = Normal(now.Dimensions[d], key[d]);
            var other = before.Dimensions[pairing[d]];
            if (normal[d] == Total)
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

    private static string Normal(Dimension dimension, string label) => label == dimension.Total ? Total : label;
}
