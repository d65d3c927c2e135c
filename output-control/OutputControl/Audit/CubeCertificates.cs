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
        var combinations = 1L;
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
            combinations *= list.Count;
        }

        // Keep the most valuable partners per dimension when the product is too large: fewer certificates only
        // weaken the bound, never make it unsound.
        while (combinations > maxCombinations)
        {
            var widest = Enumerable.Range(0, options.Count).MaxBy(i => options[i].Length);
            combinations = combinations / options[widest].Length * (options[widest].Length - 1);
            options[widest] = options[widest][..^1];
        }

        var choice = new int[dims.Count];
        var corners = 1 << dims.Count;
        while (true)
        {
            if (Evaluate(grid, suppressed, p, dims, options, choice, corners) is { } certificate)
            {
                found.Add(certificate);
                if (enough is not null && enough(found))
                {
                    return found;
                }
            }

            var k = 0;
            while (k < choice.Length && ++choice[k] == options[k].Length)
            {
                choice[k] = 0;
                k++;
            }

            if (k == choice.Length)
            {
                return found;
            }
        }
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
