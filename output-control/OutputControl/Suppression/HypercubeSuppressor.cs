using OutputControl.Audit;
using OutputControl.Tables;

namespace OutputControl.Suppression;

/// <summary>
/// The <c>fast</c> method: for each primary not yet provably protected, suppress the cheapest hypercube around it
/// (a rectangle of 4 cells in 2-D, a cube of 8 in 3-D; in a hierarchical dimension a side is a short path through
/// subtotals, see <see cref="Moves"/>) whose corners alone give the cell its protection. Partners
/// are searched among the few cheapest per dimension, cells that are already suppressed cost nothing, margins are
/// used only when no cube on inner cells exists, and cubes avoid singletons whose owners could undo them.
/// </summary>
internal static class HypercubeSuppressor
{
    public static void Protect(ProtectionProblem problem, bool[] suppressed, IEnumerable<int> targets, int avoid, List<int> unprotectable)
    {
        foreach (var p in targets)
        {
            if (avoid < 0 && PatternAuditor.Certified(problem, suppressed, p))
            {
                continue;
            }

            var cube = Choose(problem, suppressed, p, margins: false, avoid, avoidAllSingletons: true)
                ?? Choose(problem, suppressed, p, margins: false, avoid, avoidAllSingletons: false)
                ?? Choose(problem, suppressed, p, margins: true, avoid, avoidAllSingletons: true)
                ?? Choose(problem, suppressed, p, margins: true, avoid, avoidAllSingletons: false);
            if (cube is null)
            {
                unprotectable.Add(p);
                continue;
            }

            foreach (var c in cube)
            {
                suppressed[c] = true;
            }
        }
    }

    private static int[]? Choose(ProtectionProblem problem, bool[] suppressed, int p, bool margins, int avoid, bool avoidAllSingletons)
    {
        var grid = problem.Grid;
        var requirement = problem.Requirement[p];
        var perDimension = grid.Dimensions switch { 1 => int.MaxValue, 2 => 14, 3 => 6, _ => 4 };
        var cap = grid.Dimensions == 1 ? int.MaxValue : (3 * perDimension) + 64;
        var needUp = Math.Max(requirement.Upper, requirement.Width - grid.Value[p]);
        var dims = new List<int>();
        var options = new List<(int Index, int Sign)[][]>();
        decimal Cost(int cell) => suppressed[cell] ? 0 : grid.Value[cell];
        for (var d = 0; d < grid.Dimensions; d++)
        {
            var dd = d;
            bool Fits(int c) => Usable(problem, suppressed, c, p, margins, avoid, avoidAllSingletons);
            var moves = Moves.Of(grid, p, d, Fits, Cost, cap);
            if (moves.Count >= cap)
            {
                // The cheapest moves may all be too small to carry the primary: add the cheapest of those whose
                // cells are big enough (or aggregates, which rise with it).
                moves = [.. moves.Concat(Moves.Of(grid, p, d, c => Fits(c) && (grid.Value[c] >= needUp || grid.IsAggregate(c, dd)), Cost, perDimension))];
            }

            if (moves.Count == 1 && moves[0].Length == 1)
            {
                continue;
            }

            int At((int Index, int Sign) entry) => grid.WithCoord(p, dd, entry.Index);
            var list = moves.Select(m => (Move: m, Cost: m.Skip(1).Sum(e => Cost(At(e))))).ToList();

            // Cheapest first, but never only zeros: a partner on the opposite side must carry value to move.
            var cheapest = list.OrderBy(o => o.Cost).Take(perDimension);
            var valuable = list.Where(o => o.Move.Skip(1).Any(e => o.Cost > 0 || grid.Value[At(e)] > 0))
                .OrderBy(o => o.Cost).Take(perDimension);
            // And partners big enough on their own to carry the rise the primary needs (the opposite-sign corners
            // bound it), so that a small primary next to small cells still finds a cube.
            var sufficient = list.Where(o => o.Move.All(e => e.Sign > 0 || grid.Value[At(e)] >= needUp))
                .OrderBy(o => o.Cost).Take(perDimension);
            var chosen = cheapest.Concat(valuable).Concat(sufficient).Select(o => o.Move).Distinct().ToArray();
            if (chosen.Length == 0)
            {
                return null;
            }

            dims.Add(d);
            options.Add(chosen);
        }

        var choice = new int[dims.Count];
        var moveOf = new (int Index, int Sign)[dims.Count][];
        int[]? best = null;
        var bestCost = decimal.MaxValue;
        var cells = new List<int>();
        while (true)
        {
            for (var i = 0; i < dims.Count; i++)
            {
                moveOf[i] = options[i][choice[i]];
            }

            var cost = 0m;
            var up = decimal.MaxValue;
            var down = decimal.MaxValue;
            var ok = true;
            cells.Clear();
            Moves.Corners(grid, p, dims, moveOf, (cell, sign) =>
            {
                ok = Usable(problem, suppressed, cell, p, margins, avoid, avoidAllSingletons);
                cells.Add(cell);
                if (!suppressed[cell])
                {
                    // A small charge per new cell prefers fewer suppressions among patterns of equal value.
                    cost += grid.Value[cell] + 0.001m;
                }

                if (sign < 0)
                {
                    up = Math.Min(up, grid.Value[cell]);
                }
                else
                {
                    down = Math.Min(down, grid.Value[cell]);
                }

                return ok;
            });

            if (ok && cost < bestCost && up >= requirement.Upper && down >= requirement.Lower && up >= requirement.Width - down)
            {
                bestCost = cost;
                best = [.. cells];
            }

            var k = 0;
            while (k < choice.Length && ++choice[k] == options[k].Length)
            {
                choice[k] = 0;
                k++;
            }

            if (k == choice.Length)
            {
                return best;
            }
        }
    }

    private static bool Usable(ProtectionProblem problem, bool[] suppressed, int cell, int p, bool margins, int avoid, bool avoidAllSingletons)
    {
        if (cell == p)
        {
            return true;
        }

        if (cell == avoid || (avoidAllSingletons && problem.IsSingleton(cell)))
        {
            return false;
        }

        return suppressed[cell] || margins || !problem.Grid.IsMargin(cell);
    }
}
