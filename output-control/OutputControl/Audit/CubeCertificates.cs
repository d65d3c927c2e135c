using OutputControl.Tables;

namespace OutputControl.Audit;

/// <summary>
/// Finds hypercube certificates around a primary cell: one move per dimension (<see cref="Moves"/>: in a flat
/// dimension the cell and a partner, another category at −1 or the total at +1; in a hierarchical one a short path
/// through subtotals), all of whose corners are suppressed. Their tensor product keeps every relation, so moving
/// along it is a point the attacker cannot exclude: a sound lower bound on the cell's feasible interval.
/// Dimensions on which the cell is in no relation need no move.
/// </summary>
internal static class CubeCertificates
{
    private const int MovesPerDimension = 64;

    public static List<Certificate> Find(TableGrid grid, bool[] suppressed, int p, int maxCombinations, Func<List<Certificate>, bool>? enough = null)
    {
        var found = new List<Certificate>();
        var dims = new List<int>();
        var options = new List<List<(int Index, int Sign)[]>>();
        for (var d = 0; d < grid.Dimensions; d++)
        {
            // Largest values first: they carry the widest certificates.
            var moves = Moves.Of(grid, p, d, c => suppressed[c], c => -grid.Value[c], MovesPerDimension);
            if (moves.Count == 0)
            {
                return found;
            }

            if (moves[0].Length > 1)
            {
                dims.Add(d);
                options.Add(moves);
            }
        }

        // Depth-first over the dimensions, pruning a partial cube as soon as one of its corners is published; at
        // most maxCombinations complete cubes are examined (fewer certificates only weaken the bound).
        var choice = new (int Index, int Sign)[dims.Count][];
        var budget = maxCombinations;
        bool Search(int level)
        {
            if (level == dims.Count)
            {
                budget--;
                if (Evaluate(grid, suppressed, p, dims, choice) is { } certificate)
                {
                    found.Add(certificate);
                    if (enough is not null && enough(found))
                    {
                        return true;
                    }
                }

                return budget <= 0;
            }

            foreach (var move in options[level])
            {
                choice[level] = move;
                if (CornersSuppressed(grid, suppressed, p, dims, choice, level) && Search(level + 1))
                {
                    return true;
                }
            }

            return false;
        }

        Search(0);
        return found;
    }

    /// <summary>Whether every corner of the cube over the dimensions chosen up to <paramref name="level"/> is
    /// suppressed (the dimensions after it at the cell's own coordinate).</summary>
    private static bool CornersSuppressed(TableGrid grid, bool[] suppressed, int p, List<int> dims, (int Index, int Sign)[][] choice, int level)
    {
        var all = true;
        Moves.Corners(grid, p, dims[..(level + 1)], choice[..(level + 1)], (cell, _) => all = suppressed[cell]);
        return all;
    }

    private static Certificate? Evaluate(TableGrid grid, bool[] suppressed, int p, List<int> dims, (int Index, int Sign)[][] choice)
    {
        var cells = new List<int>();
        var up = decimal.MaxValue;
        var down = decimal.MaxValue;
        var all = true;
        Moves.Corners(grid, p, dims, choice, (cell, sign) =>
        {
            if (!suppressed[cell])
            {
                return all = false;
            }

            cells.Add(cell);
            if (sign < 0)
            {
                up = Math.Min(up, grid.Value[cell]);
            }
            else
            {
                down = Math.Min(down, grid.Value[cell]);
            }

            return true;
        });
        return all ? new Certificate(up, down, [.. cells]) : null;
    }
}
