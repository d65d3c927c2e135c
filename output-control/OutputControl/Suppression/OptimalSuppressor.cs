using System.Diagnostics;
using Google.OrTools.LinearSolver;
using OutputControl.Audit;
using OutputControl.Tables;

namespace OutputControl.Suppression;

/// <summary>
/// The <c>optimal</c> method: a mixed-integer program over one binary per candidate cell minimising the total
/// suppressed value (ties: fewer cells), solved by SCIP in a cutting-plane loop in the manner of Fischetti and
/// Salazar: solve the master, audit the pattern with the attacker's LPs, and for every primary (and every
/// singleton-owner scenario) whose protection fails add the Benders cut from that LP's duals. The cuts are valid for
/// every pattern, so the first pattern that passes the audit is optimal.
/// </summary>
internal static class OptimalSuppressor
{
    public static (OptimalOutcome Outcome, bool[]? Suppressed, string Status) Protect(ProtectionProblem problem, bool margins, TimeSpan limit)
    {
        var grid = problem.Grid;
        var clock = Stopwatch.StartNew();
        var bound = PatternAuditor.Bound(problem);
        using var mip = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("the SCIP MIP solver is not available");
        var z = new Dictionary<int, Variable>();
        var tie = TieBreak(grid);
        var objective = mip.Objective();
        for (var c = 0; c < grid.Count; c++)
        {
            if (!problem.Primary[c] && (margins || !grid.IsMargin(c)))
            {
                z[c] = mip.MakeBoolVar(string.Empty);
                objective.SetCoefficient(z[c], (double)grid.Value[c] + tie);
            }
        }

        objective.SetMinimization();
        foreach (var (cut, need) in LineCuts(problem, bound))
        {
            if (!AddCut(mip, z, problem, cut, need))
            {
                return (OptimalOutcome.Infeasible, null, "a single relation through a primary cannot give it its protection");
            }
        }

        var rounds = 0;
        var suppressed = new bool[grid.Count];
        while (true)
        {
            var remaining = limit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return (OptimalOutcome.TimedOut, null, $"time limit reached after {rounds} round(s) of cuts");
            }

            mip.SetTimeLimit((long)remaining.TotalMilliseconds);
            var status = mip.Solve();
            rounds++;
            if (status == Solver.ResultStatus.INFEASIBLE)
            {
                return (OptimalOutcome.Infeasible, null, $"SCIP: INFEASIBLE in round {rounds}");
            }

            if (status != Solver.ResultStatus.OPTIMAL)
            {
                return (OptimalOutcome.TimedOut, null, $"SCIP: {status} in round {rounds} ({clock.Elapsed.TotalSeconds:0.#} s)");
            }

            for (var c = 0; c < grid.Count; c++)
            {
                suppressed[c] = problem.Primary[c] || (z.TryGetValue(c, out var v) && v.SolutionValue() > 0.5);
            }

            var added = 0;
            var failures = PatternAuditor.Audit(problem, suppressed);
            if (failures.Count == 0)
            {
                return (OptimalOutcome.Optimal, suppressed, $"SCIP: OPTIMAL in round {rounds}");
            }

            foreach (var group in Components.Of(grid, suppressed))
            {
                var failing = failures.Where(f => group.BinarySearch(f.Cell) >= 0).ToList();
                if (failing.Count == 0)
                {
                    continue;
                }

                using var lp = new AttackerLp(grid, group, suppressed, bound, includePublished: true);
                foreach (var f in failing)
                {
                    var pinned = f.KnownSingleton >= 0 ? f.KnownSingleton : (int?)null;
                    foreach (var (cut, need) in Cuts(problem, lp, f.Cell, pinned, suppressed))
                    {
                        if (!AddCut(mip, z, problem, cut, need))
                        {
                            return (OptimalOutcome.Infeasible, null, $"a cut of round {rounds} cannot be met by any pattern");
                        }

                        added++;
                    }
                }
            }

            if (added == 0)
            {
                // The LP found no violated cut although the audit failed: give up on exactness rather than loop.
                return (OptimalOutcome.TimedOut, null, $"no violated cut in round {rounds} although the audit failed");
            }
        }
    }

    /// <summary>A per-cell charge small enough never to outweigh one unit of value: with integer values (after
    /// scaling to the finest decimal) all tied patterns are broken by the number of cells only.</summary>
    private static double TieBreak(TableGrid grid)
    {
        var scale = grid.Value.Select(v => (int)((decimal.GetBits(v)[3] >> 16) & 0xFF)).DefaultIfEmpty(0).Max();
        return Math.Pow(10, -scale) / (grid.Count + 1.0);
    }

    private static IEnumerable<(Dictionary<int, double> Cut, double Need)> Cuts(ProtectionProblem problem, AttackerLp lp, int p, int? pinned, bool[] suppressed)
    {
        var r = problem.Requirement[p];
        if (pinned is { } s)
        {
            lp.Pin(s, true);
        }

        var up = Direction(lp, p, 1, pinned, suppressed);
        var down = Direction(lp, p, -1, pinned, suppressed);
        if (pinned is { } s2)
        {
            lp.Pin(s2, false);
        }

        if (r.Upper > 0 && up.Reach < (double)r.Upper)
        {
            yield return (up.Cut, (double)r.Upper);
        }

        if (r.Lower > 0 && down.Reach < (double)r.Lower)
        {
            yield return (down.Cut, (double)r.Lower);
        }

        if (r.Width > 0 && up.Reach + down.Reach < (double)r.Width)
        {
            var sum = new Dictionary<int, double>(up.Cut);
            foreach (var (c, v) in down.Cut)
            {
                sum[c] = sum.GetValueOrDefault(c) + v;
            }

            yield return (sum, (double)r.Width);
        }
    }

    private static (double Reach, Dictionary<int, double> Cut) Direction(AttackerLp lp, int p, int sign, int? pinned, bool[] suppressed)
    {
        var reach = lp.Max(p, sign);
        var best = lp.Cut(p, sign, pinned, negate: false);
        var other = lp.Cut(p, sign, pinned, negate: true);
        return (reach, Value(other, suppressed) < Value(best, suppressed) ? other : best);
    }

    private static double Value(Dictionary<int, double> cut, bool[] suppressed) =>
        cut.Where(kv => suppressed[kv.Key]).Sum(kv => kv.Value);

    private static bool AddCut(Solver mip, Dictionary<int, Variable> z, ProtectionProblem problem, Dictionary<int, double> cut, double need)
    {
        var rest = need - (1e-7 * (1 + need));
        var reachable = 0.0;
        var terms = new List<(Variable, double)>();
        foreach (var (c, coefficient) in cut)
        {
            if (problem.Primary[c])
            {
                rest -= coefficient;
            }
            else if (z.TryGetValue(c, out var v))
            {
                terms.Add((v, coefficient));
                reachable += coefficient;
            }
        }

        if (rest <= 0)
        {
            return true;
        }

        if (reachable < rest)
        {
            return false;
        }

        var constraint = mip.MakeConstraint(rest, double.PositiveInfinity, string.Empty);
        foreach (var (v, coefficient) in terms)
        {
            constraint.SetCoefficient(v, Math.Min(coefficient, rest));
        }

        return true;
    }

    /// <summary>Cuts from each single relation through a primary, valid because dropping the other relations only
    /// helps the attacker: within one line the cell can rise only as far as the others can fall, and so on.</summary>
    private static IEnumerable<(Dictionary<int, double> Cut, double Need)> LineCuts(ProtectionProblem problem, double bound)
    {
        var grid = problem.Grid;
        foreach (var p in problem.Primaries)
        {
            var r = problem.Requirement[p];
            foreach (var relation in Relations.Of(grid, p))
            {
                var total = Relations.TotalOf(grid, relation);
                var up = new Dictionary<int, double>();
                var down = new Dictionary<int, double>();
                Relations.Members(grid, relation, (cell, _) =>
                {
                    if (cell == p)
                    {
                        return;
                    }

                    var x = (double)grid.Value[cell];
                    var moveWith = p == total || cell == total;
                    up[cell] = moveWith ? bound : x;
                    down[cell] = moveWith ? x : bound;
                });
                if (r.Upper > 0)
                {
                    yield return (up, (double)r.Upper);
                }

                if (r.Lower > 0)
                {
                    yield return (down, (double)r.Lower);
                }

                if (r.Width > 0)
                {
                    yield return (up.ToDictionary(kv => kv.Key, kv => kv.Value + down[kv.Key]), (double)r.Width);
                }
            }
        }
    }
}
