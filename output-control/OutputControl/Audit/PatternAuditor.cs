using System.Collections.Concurrent;
using System.Globalization;
using OutputControl.Rules;
using OutputControl.Tables;

namespace OutputControl.Audit;

/// <summary>
/// Proves, for every primary cell, that its feasible interval under the published values, the margin relations and
/// non-negativity meets its protection requirement — also when the owner of any suppressed singleton knows its
/// value. Hypercube certificates prove most cells cheaply; the rest get the exact attacker LP over their group of
/// linked suppressed cells. A cell neither proves is a failure: the audit never assumes protection.
/// </summary>
internal static class PatternAuditor
{
    private const int MaxCombinations = 256;

    public static List<AuditFailure> Audit(ProtectionProblem problem, bool[] suppressed, int maxLpGroup = 20_000)
    {
        var grid = problem.Grid;
        var failures = new ConcurrentBag<AuditFailure>();
        var uncertain = new ConcurrentBag<int>();
        Parallel.ForEach(problem.Primaries, p =>
        {
            if (!suppressed[p])
            {
                failures.Add(new AuditFailure(p, -1, $"primary {grid.FormatKey(p)} is published"));
            }
            else if (!Certified(problem, suppressed, p))
            {
                uncertain.Add(p);
            }
        });
        if (uncertain.IsEmpty)
        {
            return [.. failures];
        }

        var pending = uncertain.ToHashSet();
        var bound = Bound(problem);
        foreach (var group in Components.Of(grid, suppressed))
        {
            var targets = group.Where(pending.Contains).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            if (group.Count > maxLpGroup)
            {
                foreach (var p in targets)
                {
                    failures.Add(new AuditFailure(p, -1, $"protection of {grid.FormatKey(p)} not proven (group of {group.Count} cells too large for the LP)"));
                }

                continue;
            }

            using var lp = new AttackerLp(grid, group, suppressed, bound, includePublished: false);
            var singletons = group.Where(problem.IsSingleton).ToList();
            foreach (var p in targets)
            {
                foreach (var failure in CheckByLp(problem, lp, p, singletons))
                {
                    failures.Add(failure);
                }
            }
        }

        return [.. failures];
    }

    /// <summary>The attacker's cap B: far above any value or protection level in the table.</summary>
    public static double Bound(ProtectionProblem problem)
    {
        var sum = 0m;
        foreach (var v in problem.Grid.Value)
        {
            sum += v;
        }

        var need = problem.Primaries.Select(p => problem.Requirement[p]).Select(r => Math.Max(r.Width, r.Upper)).DefaultIfEmpty(0).Max();
        return (double)((4 * sum) + (4 * need) + 1);
    }

    public static bool Meets(ProtectionRequirement r, double up, double down)
    {
        static bool AtLeast(double have, decimal need) => have >= (double)need - (1e-7 * (1 + (double)need));
        return AtLeast(up, r.Upper) && AtLeast(down, r.Lower) && AtLeast(up + down, r.Width);
    }

    /// <summary>Whether hypercube certificates alone prove the cell's protection in every scenario.</summary>
    public static bool Certified(ProtectionProblem problem, bool[] suppressed, int p)
    {
        var grid = problem.Grid;
        var requirement = problem.Requirement[p];
        bool Holds(List<Certificate> certificates, int known)
        {
            var up = 0m;
            var down = 0m;
            foreach (var c in certificates)
            {
                if (known >= 0 && Array.IndexOf(c.Cells, known) >= 0)
                {
                    continue;
                }

                up = Math.Max(up, c.Up);
                down = Math.Max(down, c.Down);
            }

            return up >= requirement.Upper && down >= requirement.Lower && up >= requirement.Width - down;
        }

        bool Enough(List<Certificate> certificates)
        {
            if (!Holds(certificates, -1))
            {
                return false;
            }

            foreach (var s in Singletons(problem, certificates, p))
            {
                if (!Holds(certificates, s))
                {
                    return false;
                }
            }

            return true;
        }

        return Enough(CubeCertificates.Find(grid, suppressed, p, MaxCombinations, Enough));
    }

    private static IEnumerable<int> Singletons(ProtectionProblem problem, List<Certificate> certificates, int p) =>
        certificates.SelectMany(c => c.Cells).Where(c => c != p && problem.IsSingleton(c)).Distinct();

    private static IEnumerable<AuditFailure> CheckByLp(ProtectionProblem problem, AttackerLp lp, int p, List<int> singletons)
    {
        var grid = problem.Grid;
        var requirement = problem.Requirement[p];
        var up = lp.Max(p, 1);
        var atUp = singletons.ToDictionary(s => s, lp.Deviation);
        var down = lp.Max(p, -1);
        var atDown = singletons.ToDictionary(s => s, lp.Deviation);
        if (!Meets(requirement, up, down))
        {
            yield return Failure(grid, p, -1, up, down);
        }

        foreach (var s in singletons)
        {
            // Pinning a cell that sits at its true value in both optimal solutions changes neither optimum.
            if (s == p || (Math.Abs(atUp[s]) < 1e-9 && Math.Abs(atDown[s]) < 1e-9))
            {
                continue;
            }

            lp.Pin(s, true);
            var upKnown = lp.Max(p, 1);
            var downKnown = lp.Max(p, -1);
            lp.Pin(s, false);
            if (!Meets(requirement, upKnown, downKnown))
            {
                yield return Failure(grid, p, s, upKnown, downKnown);
            }
        }
    }

    private static AuditFailure Failure(TableGrid grid, int p, int known, double up, double down)
    {
        var x = (double)grid.Value[p];
        var who = known < 0 ? string.Empty : $" when the owner of {grid.FormatKey(known)} knows its value";
        var detail = string.Create(
            CultureInfo.InvariantCulture, $"{grid.FormatKey(p)} can be narrowed to [{x - down:0.##}, {x + up:0.##}]{who}");
        return new AuditFailure(p, known, detail);
    }
}
