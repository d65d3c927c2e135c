using OutputControl.Requests;

namespace OutputControl.Differencing;

/// <summary>
/// How the dimensions of two tables correspond, by content rather than by name: each dimension of one table is paired
/// with a dimension of the other that shares categories (compared as sets, ordinal labels), whatever either is called
/// and wherever it stands. Renaming or reordering dimensions therefore changes nothing about which cells are compared.
/// </summary>
public static class DimensionPairing
{
    /// <summary>
    /// The pairings (for each dimension of <paramref name="now"/>, the index of its partner in
    /// <paramref name="before"/>) in which every pair shares at least one category and the categories shared in all
    /// are most; several when that maximum is reached more than once (two dimensions with the same categories), so
    /// that a differencing check can try each. Empty when the tables differ in their number of dimensions or no
    /// pairing shares a category in every pair.
    /// </summary>
    public static IReadOnlyList<int[]> Of(TableOutput now, TableOutput before)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(before);
        var count = now.Dimensions.Count;
        if (count != before.Dimensions.Count)
        {
            return [];
        }

        var shared = new int[count, count];
        for (var a = 0; a < count; a++)
        {
            var mine = now.Dimensions[a].Categories.ToHashSet(StringComparer.Ordinal);
            for (var b = 0; b < count; b++)
            {
                shared[a, b] = before.Dimensions[b].Categories.Distinct(StringComparer.Ordinal).Count(mine.Contains);
            }
        }

        var best = new List<int[]>();
        var bestScore = 0;
        foreach (var pairing in Permutations(count))
        {
            var score = 0;
            var valid = true;
            for (var a = 0; a < count && valid; a++)
            {
                valid = shared[a, pairing[a]] > 0;
                score += shared[a, pairing[a]];
            }

            if (!valid || score < bestScore)
            {
                continue;
            }

            if (score > bestScore)
            {
                best.Clear();
                bestScore = score;
            }

            best.Add(pairing);
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int count)
    {
        var items = Enumerable.Range(0, count).ToArray();
        return Permute(items, 0);
    }

    private static IEnumerable<int[]> Permute(int[] items, int from)
    {
        if (from == items.Length)
        {
            yield return (int[])items.Clone();
            yield break;
        }

        for (var i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (var p in Permute(items, from + 1))
            {
                yield return p;
            }

            (items[from], items[i]) = (items[i], items[from]);
        }
    }
}
