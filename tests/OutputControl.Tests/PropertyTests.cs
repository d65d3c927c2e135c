using CsCheck;
using Google.OrTools.LinearSolver;
using OutputControl.Audit;
using OutputControl.Requests;
using OutputControl.Results;
using OutputControl.Suppression;
using OutputControl.Tables;
using OutputControl.Tests.Suppression;

namespace OutputControl.Tests;

/// <summary>Invariants on random small tables (1–3 dimensions, all margins, units = counts so that value-1 cells are
/// singletons), checked against an attacker LP written here independently of the library's audit.</summary>
public class PropertyTests
{
    private static readonly Gen<TableOutput> RandomTable =
        from dims in Gen.Int[1, 3]
        from sizes in Gen.Int[2, dims == 3 ? 3 : 4].Array[dims]
        from values in Gen.Int[0, 30].Array[sizes.Aggregate(1, (a, b) => a * b)]
        select Tables.Grid(sizes, values.Select(v => (decimal)v).ToArray());

    [Fact]
    public void Protect_RandomTables_NoPrimaryPublishedAndIndependentLpConfirms() =>
        RandomTable.Sample(table =>
        {
            var problem = SecondarySuppressionTests.Problem(table);
            foreach (var method in new[] { SecondaryMethod.Fast, SecondaryMethod.Optimal })
            {
                var result = SecondarySuppression.Protect(problem, method, TimeSpan.FromSeconds(30));
                if (!result.Protected)
                {
                    continue;
                }

                Assert.All(problem.Primaries, p => Assert.True(result.Suppressed[p]));
                Assert.Empty(IndependentAudit(problem, result.Suppressed));
            }
        }, iter: 40, threads: 1);

    [Fact]
    public void Protect_RandomTables_OptimalNeverCostsMoreThanFast() =>
        RandomTable.Sample(table =>
        {
            var problem = SecondarySuppressionTests.Problem(table);
            var fast = SecondarySuppression.Protect(problem, SecondaryMethod.Fast, TimeSpan.FromSeconds(30));
            var optimal = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));
            if (fast.Protected && !fast.Notes.Any() && !optimal.Notes.Any())
            {
                Assert.True(optimal.Protected);
                Assert.True(
                    SecondarySuppressionTests.Cost(problem, optimal.Suppressed) <= SecondarySuppressionTests.Cost(problem, fast.Suppressed),
                    $"optimal {SecondarySuppressionTests.Cost(problem, optimal.Suppressed)} > fast {SecondarySuppressionTests.Cost(problem, fast.Suppressed)}");
            }
        }, iter: 40, threads: 1);

    /// <summary>Protection only grows with the cells suppressed, so a pattern exists exactly when suppressing every
    /// cell protects: brute force over all patterns reduces to that one. Small values make many primaries and
    /// singletons, where the methods used to give up.</summary>
    [Fact]
    public void Protect_SmallTables_NeverBlockedWhereAPatternExists() =>
        Gen.Int[2, 12].Select(Gen.Int[0, 12].Array[9], Gen.Bool).Sample((max, values, fast) =>
        {
            var problem = SecondarySuppressionTests.Problem(Tables.Grid([3, 3], [.. values.Select(v => (decimal)(v % max))]));
            var result = SecondarySuppression.Protect(problem, fast ? SecondaryMethod.Fast : SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));
            var all = Enumerable.Repeat(true, problem.Grid.Count).ToArray();
            if (result.Protected)
            {
                Assert.Empty(IndependentAudit(problem, result.Suppressed));
            }
            else
            {
                Assert.NotEmpty(IndependentAudit(problem, all));
                Assert.All(result.AuditFailures, f => Assert.StartsWith("even with every cell suppressed", f));
            }
        }, iter: 150, threads: 1);

    [Fact]
    public void Check_RandomTables_RoundingNeverRevealsSuppressedValue() =>
        RandomTable.Select(Gen.Int[1, 10], Gen.Bool).Sample((table, roundingBase, toEven) =>
        {
            var policy = new Policy(roundingBase: roundingBase, midpointRounding: toEven ? MidpointPolicy.ToEven : MidpointPolicy.AwayFromZero, secondary: SecondaryMethod.Fast);
            var result = OutputChecker.Check(Tables.Request(table, policy));
            var values = table.Cells.ToDictionary(c => string.Join(",", c.Key), c => c.Value);
            foreach (var cell in result.Cells)
            {
                if (cell.Status != CellStatus.Published || result.Verdict == Verdict.Blocked)
                {
                    Assert.Null(cell.Published);
                    continue;
                }

                var published = cell.Published!.Value;
                Assert.Equal(0, published % roundingBase);
                Assert.True(Math.Abs(published - values[string.Join(",", cell.Key)]) * 2 <= roundingBase);
            }
        }, iter: 40, threads: 1);

    /// <summary>Full-table LP: every cell a variable, published cells fixed, every margin and subtotal relation (read
    /// from the dimensions' declarations, not from the library's grid), x ≥ 0; for every primary and every suppressed
    /// singleton owner who is not the primary's only unit (its cell contains the primary, or lies inside a primary of
    /// one unit), the interval must meet the width requirement.</summary>
    internal static List<string> IndependentAudit(ProtectionProblem problem, bool[] suppressed)
    {
        var grid = problem.Grid;
        var parents = ParentsOf(grid.Table);
        var failures = new List<string>();
        var owners = Enumerable.Range(0, grid.Count).Where(c => suppressed[c] && grid.Units[c] == 1).Prepend(-1).ToList();
        foreach (var p in problem.Primaries)
        {
            foreach (var owner in owners.Where(o => o != p && (o < 0 || !(Contains(grid, parents, o, p) || (grid.Units[p] <= 1 && Contains(grid, parents, p, o))))))
            {
                var hi = Solve(grid, parents, suppressed, p, owner, maximise: true);
                var lo = Solve(grid, parents, suppressed, p, owner, maximise: false);
                if (hi - lo < (double)problem.Requirement[p].Width - 1e-6)
                {
                    failures.Add($"{grid.FormatKey(p)} owner {owner}: [{lo}, {hi}]");
                }
            }
        }

        return failures;
    }

    /// <summary>Per dimension, the parent of each extended index (categories, then the total), −1 for none.</summary>
    private static int[][] ParentsOf(TableOutput table) =>
        [.. table.Dimensions.Select(d =>
        {
            var n = d.Categories.Count;
            var parent = new int[n + (d.Total is null ? 0 : 1)];
            for (var i = 0; i < n; i++)
            {
                parent[i] = d.Parents is { } ps && ps.TryGetValue(d.Categories[i], out var of) ? d.Categories.ToList().IndexOf(of)
                    : d.Total is null ? -1 : n;
            }

            if (d.Total is not null)
            {
                parent[n] = -1;
            }

            return parent;
        })];

    private static bool Contains(TableGrid grid, int[][] parents, int owner, int p)
    {
        for (var d = 0; d < parents.Length; d++)
        {
            var c = grid.Coord(p, d);
            while (c >= 0 && c != grid.Coord(owner, d))
            {
                c = parents[d][c];
            }

            if (c < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static double Solve(TableGrid grid, int[][] parents, bool[] suppressed, int p, int owner, bool maximise)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var x = new Variable[grid.Count];
        for (var c = 0; c < grid.Count; c++)
        {
            var v = (double)grid.Value[c];
            x[c] = suppressed[c] && c != owner ? solver.MakeNumVar(0, double.PositiveInfinity, string.Empty) : solver.MakeNumVar(v, v, string.Empty);
        }

        for (var c = 0; c < grid.Count; c++)
        {
            for (var d = 0; d < parents.Length; d++)
            {
                var children = Enumerable.Range(0, parents[d].Length).Where(i => parents[d][i] == grid.Coord(c, d)).ToList();
                if (children.Count == 0)
                {
                    continue;
                }

                var row = solver.MakeConstraint(0, 0, string.Empty);
                row.SetCoefficient(x[c], -1);
                foreach (var i in children)
                {
                    row.SetCoefficient(x[grid.WithCoord(c, d, i)], 1);
                }
            }
        }

        solver.Objective().SetCoefficient(x[p], 1);
        if (maximise)
        {
            solver.Objective().SetMaximization();
        }
        else
        {
            solver.Objective().SetMinimization();
        }

        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? solver.Objective().Value() : double.PositiveInfinity;
    }
}
