using Google.OrTools.LinearSolver;
using OutputControl.Tables;

namespace OutputControl.Audit;

/// <summary>
/// The attacker's linear program for one group of suppressed cells, in deviations d = x' − x from the true values:
/// every relation holds (Σ d = 0), a suppressed cell may move within [−x, B], a published cell not at all, and a
/// singleton whose owner knows it is pinned. B is far above every protection level; capping the attacker there
/// only gives it more knowledge, so a requirement proven under the cap holds without it.
/// </summary>
internal sealed class AttackerLp : IDisposable
{
    private const int ColdSeconds = 120;
    private readonly Solver solver;
    private readonly Dictionary<int, Variable> variables = [];
    private readonly List<(Constraint Constraint, long Relation)> constraints = [];
    private readonly TableGrid grid;
    private readonly double bound;
    private readonly string warmLimit;
    private Variable? objectiveVariable;

    // Whether the warm limit must be set before the next solve: before the first, and after a cold retry.
    private bool warmParametersDue = true;

    /// <summary>The LP over <paramref name="group"/>'s cells; the other suppressed cells stay at their values, and so do
    /// published ones (as fixed variables when <paramref name="includePublished"/>, for the cuts). A warm-started solve
    /// stops after <paramref name="warmIterations"/> (by default 100,000, or 20 per variable and relation when that is
    /// more: far above what a solve needs; a test lowers it).</summary>
    public AttackerLp(TableGrid grid, IReadOnlyList<int> group, bool[] suppressed, double bound, bool includePublished, int? warmIterations = null)
    {
        this.grid = grid;
        this.bound = bound;
        solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP LP solver is not available");
        foreach (var c in group)
        {
            variables[c] = solver.MakeNumVar(-(double)grid.Value[c], bound, string.Empty);
        }

        var relations = new HashSet<long>();
        foreach (var c in group)
        {
            foreach (var r in Relations.Of(grid, c))
            {
                relations.Add(r);
            }
        }

        foreach (var r in relations.Order())
        {
            var constraint = solver.MakeConstraint(0, 0, string.Empty);
            Relations.Members(grid, r, (cell, coefficient) =>
            {
                if (!variables.TryGetValue(cell, out var v))
                {
                    if (suppressed[cell] || !includePublished)
                    {
                        return;
                    }

                    v = solver.MakeNumVar(0, 0, string.Empty);
                    variables[cell] = v;
                }

                constraint.SetCoefficient(v, coefficient);
            });
            constraints.Add((constraint, r));
        }

        warmLimit = $"max_number_of_iterations:{warmIterations ?? Math.Max(100_000, 20 * (variables.Count + constraints.Count))}";
    }

    public IEnumerable<int> Cells => variables.Keys;

    /// <summary>How many solves had to be repeated from scratch.</summary>
    public int ColdSolves { get; private set; }

    /// <summary>The largest deviation of <paramref name="cell"/> in direction <paramref name="sign"/> (+1 up, −1 down).</summary>
    public double Max(int cell, int sign)
    {
        var objective = solver.Objective();
        if (objectiveVariable is not null)
        {
            objective.SetCoefficient(objectiveVariable, 0);
        }

        objectiveVariable = variables[cell];
        objective.SetCoefficient(objectiveVariable, sign);
        objective.SetMaximization();
        var status = Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value(),
            Solver.ResultStatus.UNBOUNDED => double.PositiveInfinity,
            _ => throw new InvalidOperationException($"the attacker LP ended with status {status}"),
        };
    }

    /// <summary>
    /// GLOP starts each solve from the last basis, which keeps a group's many LPs cheap; but on degenerate LPs that
    /// warm start can cycle (measured on the national table: 2.8 M iterations in 10 s on 90 variables, where a solve
    /// from scratch takes 7). A warm solve that ends without a verdict within its iteration limit is repeated from
    /// scratch, without that limit but within a time limit; a status other than optimal or unbounded is then reported
    /// as it is.
    /// </summary>
    private Solver.ResultStatus Solve()
    {
        if (warmParametersDue)
        {
            Parameters(warmLimit, 0);
            warmParametersDue = false;
        }

        var status = solver.Solve();
        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.UNBOUNDED)
        {
            return status;
        }

        ColdSolves++;
        solver.Reset();
        Parameters("max_number_of_iterations:-1", ColdSeconds);
        warmParametersDue = true;
        return solver.Solve();
    }

    private void Parameters(string iterations, int seconds)
    {
        if (!solver.SetSolverSpecificParametersAsString(iterations))
        {
            throw new InvalidOperationException($"GLOP refused the parameter '{iterations}'");
        }

        solver.SetTimeLimit(seconds * 1000L);
    }

    /// <summary>The deviation of a cell in the last solution.</summary>
    public double Deviation(int cell) => variables[cell].SolutionValue();

    /// <summary>Pins a cell at its true value (its owner knows it) or releases it again.</summary>
    public void Pin(int cell, bool pinned)
    {
        var v = variables[cell];
        if (pinned)
        {
            v.SetBounds(0, 0);
        }
        else
        {
            v.SetBounds(-(double)grid.Value[cell], bound);
        }
    }

    /// <summary>
    /// A Fischetti–Salazar cut from the last solve's duals: for any suppression pattern z, the attacker's reach in
    /// the last direction is at most Σ_j coef_j·z_j. Valid for any dual vector (Lagrangian bound), so the sign
    /// convention of the solver's duals cannot make it unsound; <paramref name="negate"/> flips them.
    /// </summary>
    public Dictionary<int, double> Cut(int objectiveCell, int sign, int? pinned, bool negate)
    {
        var reduced = new Dictionary<int, double>();
        foreach (var c in variables.Keys)
        {
            reduced[c] = c == objectiveCell ? sign : 0;
        }

        foreach (var (constraint, relation) in constraints)
        {
            var y = constraint.DualValue() * (negate ? -1 : 1);
            if (y == 0)
            {
                continue;
            }

            Relations.Members(grid, relation, (cell, coefficient) =>
            {
                if (reduced.ContainsKey(cell))
                {
                    reduced[cell] -= y * coefficient;
                }
            });
        }

        // max sign·d ≤ Σ_j max over d_j in [−x_j z_j, B z_j] of r_j·d_j = Σ_j (r⁺·B + r⁻·x_j)·z_j.
        var cut = new Dictionary<int, double>();
        foreach (var (c, r) in reduced)
        {
            if (c == pinned || Math.Abs(r) < 1e-12)
            {
                continue;
            }

            cut[c] = r > 0 ? r * bound : -r * (double)grid.Value[c];
        }

        return cut;
    }

    public void Dispose() => solver.Dispose();
}
