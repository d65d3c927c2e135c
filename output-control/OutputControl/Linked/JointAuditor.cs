using Google.OrTools.LinearSolver;
using OutputControl.Audit;
using OutputControl.Rules;

namespace OutputControl.Linked;

/// <summary>
/// The attacker who holds every linked release at once: for each cell to protect (the output's primaries and the
/// cells earlier releases hid), its feasible interval under every table's relations, every value published in any of
/// them, and non-negativity — one LP per group of unknown cells linked by relations. A cell is unknown only when
/// neither the output nor any earlier release publishes it.
/// </summary>
internal static class JointAuditor
{
    public static List<(int Variable, string Detail)> Audit(CoverTable cover, bool[] suppressed, IReadOnlyList<(int Variable, ProtectionRequirement Requirement)> targets)
    {
        var free = new bool[cover.Count];
        for (var v = 0; v < cover.Count; v++)
        {
            free[v] = !cover.PublishedBefore[v] && (v >= cover.Output.Count || suppressed[v]);
        }

        var group = Groups(cover, free);
        var failures = new List<(int, string)>();
        var bound = (double)(4 * cover.Value.Sum() + 4 * targets.Select(t => Math.Max(t.Requirement.Width, t.Requirement.Upper)).DefaultIfEmpty(0).Max() + 1);
        foreach (var byGroup in targets.GroupBy(t => free[t.Variable] ? group[t.Variable] : -1 - t.Variable))
        {
            if (byGroup.Key < 0)
            {
                foreach (var (v, _) in byGroup)
                {
                    failures.Add((v, $"{cover.Label[v]} is published in the output or an earlier release"));
                }

                continue;
            }

            using var lp = Lp(cover, free, group, byGroup.Key, bound, out var x);
            foreach (var (v, requirement) in byGroup)
            {
                var value = (double)cover.Value[v];
                if (Solve(lp, x[v], maximise: true) is not { } hi || Solve(lp, x[v], maximise: false) is not { } lo)
                {
                    // Deny by default: releases that contradict each other cannot be proven to protect anything.
                    failures.Add((v, $"{cover.Label[v]}: the linked releases contradict each other (revised data?), so its protection cannot be proven"));
                    continue;
                }

                if (!PatternAuditor.Meets(requirement, hi - value, value - lo))
                {
                    failures.Add((v, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{cover.Label[v]} can be narrowed to [{lo:0.##}, {hi:0.##}] with the linked releases")));
                }
            }
        }

        return failures;
    }

    private static int[] Groups(CoverTable cover, bool[] free)
    {
        var parent = Enumerable.Range(0, cover.Count).ToArray();
        int Find(int a)
        {
            while (parent[a] != a)
            {
                parent[a] = parent[parent[a]];
                a = parent[a];
            }

            return a;
        }

        foreach (var members in cover.Members)
        {
            var first = -1;
            foreach (var v in members)
            {
                if (!free[v])
                {
                    continue;
                }

                if (first < 0)
                {
                    first = v;
                }
                else
                {
                    parent[Find(v)] = Find(first);
                }
            }
        }

        return [.. Enumerable.Range(0, cover.Count).Select(Find)];
    }

    private static Solver Lp(CoverTable cover, bool[] free, int[] group, int id, double bound, out Dictionary<int, Variable> x)
    {
        var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP LP solver is not available");
        x = [];
        for (var v = 0; v < cover.Count; v++)
        {
            if (free[v] && group[v] == id)
            {
                x[v] = solver.MakeNumVar(0, bound, string.Empty);
            }
        }

        for (var r = 0; r < cover.Members.Count; r++)
        {
            var members = cover.Members[r];
            if (!members.Any(x.ContainsKey))
            {
                continue;
            }

            var constant = 0.0;
            var row = solver.MakeConstraint(0, 0, string.Empty);
            for (var i = 0; i < members.Length; i++)
            {
                var k = cover.Coefficients[r][i];
                if (x.TryGetValue(members[i], out var variable))
                {
                    row.SetCoefficient(variable, row.GetCoefficient(variable) + k);
                }
                else
                {
                    constant += k * (double)cover.Value[members[i]];
                }
            }

            row.SetBounds(-constant, -constant);
        }

        return solver;
    }

    private static double? Solve(Solver lp, Variable target, bool maximise)
    {
        var objective = lp.Objective();
        objective.Clear();
        objective.SetCoefficient(target, 1);
        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        return lp.Solve() == Solver.ResultStatus.OPTIMAL ? objective.Value() : null;
    }
}
