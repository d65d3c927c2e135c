using OutputControl.Tables;

namespace OutputControl.Audit;

/// <summary>
/// Finds hypercube certificates around a primary cell. In every dimension with a margin the cube pairs the cell's
/// index a with another index b; the per-dimension vector (1 at a, w at b) satisfies that dimension's relation when
/// w = −1 for two categories and w = +1 when one of them is the total. Their tensor product satisfies all relations,
/// so moving along it keeps every margin; it is a sound lower bound on the cell's feasible interval.
/// Dimensions without a margin carry no relation and need no partner.
/// </summary>
internal static class CubeCertificates
{
    public static List<Certificate> Find(TableGrid grid, bool[] suppressed, int p, int maxCombinations, Func<List<Certificate>, bool>? enough = null)
    {
        var found = new List<Certificate>();
        var dims = new List<int>();
        var options = new List<(int Index, int Sign)[]>();
        for (var d = 0; d < grid.Dimensions; d++)
        {
            if (!grid.HasTotal[d])
            {
                continue;
            }

            var a = grid.Coord(p, d);
            var list = new List<(int Index, int Sign, decimal Value)>();
            for (var b = 0; b < grid.Size[d]; b++)
            {
                var neighbour = grid.WithCoord(p, d, b);
                if (b != a && suppressed[neighbour])
                {
                    var sign = a < grid.Inner[d] && b < grid.Inner[d] ? -1 : 1;
                    list.Add((b, sign, grid.Value[neighbour]));
                }
            }

            if (list.Count == 0)
            {
                return found;
            }

            dims.Add(d);
            options.Add([.. list.OrderByDescending(o => o.Value).Select(o => (o.Index, o.Sign))]);
        }

        // Depth-first over the dimensions, pruning a partial cube as soon as one of its corners is published; at
        // most maxCombinations complete cubes are examined (fewer certificates only weaken the bound).
        var choice = new int[dims.Count];
        var corners = 1 << dims.Count;
        var budget = maxCombinations;
        bool Search(int level)
        {
            if (level == dims.Count)
            {
                budget--;
                if (Evaluate(grid, suppressed, p, dims, options, choice, corners) is { } certificate)
                {
                    found.Add(certificate);
                    if (enough is not null && enough(found))
                    {
                        return true;
                    }
                }

                return budget <= 0;
            }

            for (var i = 0; i < options[level].Length; i++)
            {
                choice[level] = i;
                if (CornersSuppressed(grid, suppressed, p, dims, options, choice, level) && Search(level + 1))
                {
                    return true;
                }
            }

            return false;
        }

        Search(0);
        return found;
    }

    /// <summary>Whether every corner that uses the partner chosen at <paramref name="level"/> (and any chosen
    /// before it) is suppressed.</summary>
    private static bool CornersSuppressed(
        TableGrid grid, bool[] suppressed, int p, List<int> dims, List<(int Index, int Sign)[]> options, int[] choice, int level)
    {
        for (var mask = 0; mask < 1 << level; mask++)
        {
            var cell = grid.WithCoord(p, dims[level], options[level][choice[level]].Index);
            for (var i = 0; i < level; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    cell = grid.WithCoord(cell, dims[i], options[i][choice[i]].Index);
                }
            }

            if (!suppressed[cell])
            {
                return false;
            }
        }

        return true;
    }

    private static Certificate? Evaluate(
        TableGrid grid, bool[] suppressed, int p, List<int> dims, List<(int Index, int Sign)[]> options, int[] choice, int corners)
    {
        var cells = new int[corners];
        var up = decimal.MaxValue;
        var down = decimal.MaxValue;
        for (var mask = 0; mask < corners; mask++)
        {
            var cell = p;
            var sign = 1;
            for (var i = 0; i < dims.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    var (index, s) = options[i][choice[i]];
                    cell = grid.WithCoord(cell, dims[i], index);
                    sign *= s;
                }
            }

            if (!suppressed[cell])
            {
                return null;
            }

            cells[mask] = cell;
            if (sign < 0)
            {
                up = Math.Min(up, grid.Value[cell]);
            }
            else
            {
                down = Math.Min(down, grid.Value[cell]);
            }
        }

        return new Certificate(up, down, cells);
    }
}
