using OutputControl.Audit;
using OutputControl.Requests;
using OutputControl.Tables;

namespace OutputControl.Suppression;

/// <summary>
/// Chooses secondary suppressions with the policy's method and audits the result. Inner cells are tried first;
/// margins join only when no pattern on inner cells exists. A pattern that fails the audit is repaired; one that
/// still fails is reported unprotected, never as protected.
/// </summary>
internal static class SecondarySuppression
{
    private const int RepairRounds = 6;

    public static SuppressionResult Protect(ProtectionProblem problem, SecondaryMethod method, TimeSpan optimalLimit)
    {
        var grid = problem.Grid;
        var notes = new List<string>();
        bool[]? suppressed = null;
        if (problem.Primaries.Length == 0)
        {
            return new SuppressionResult(new bool[grid.Count], true, notes, []);
        }

        if (method == SecondaryMethod.Optimal)
        {
            var (outcome, pattern) = OptimalSuppressor.Protect(problem, margins: false, optimalLimit);
            if (outcome == OptimalOutcome.Infeasible)
            {
                notes.Add("no pattern on inner cells protects the primaries: margins are suppressed too");
                (outcome, pattern) = OptimalSuppressor.Protect(problem, margins: true, optimalLimit);
            }

            if (outcome == OptimalOutcome.Infeasible)
            {
                var none = Primaries(problem);
                return new SuppressionResult(none, false, notes, ["no suppression pattern protects every primary cell"]);
            }

            if (outcome == OptimalOutcome.TimedOut)
            {
                notes.Add($"the exact search did not finish within {optimalLimit.TotalSeconds:0} s: the fast heuristic's pattern is used");
            }

            suppressed = pattern;
        }

        suppressed ??= Fast(problem);
        var failures = PatternAuditor.Audit(problem, suppressed);
        for (var round = 0; round < RepairRounds && failures.Count > 0; round++)
        {
            var unprotectable = new List<int>();
            foreach (var f in failures.OrderBy(f => f.Cell))
            {
                HypercubeSuppressor.Protect(problem, suppressed, [f.Cell], f.KnownSingleton < 0 ? int.MinValue : f.KnownSingleton, unprotectable);
            }

            failures = PatternAuditor.Audit(problem, suppressed);
        }

        return new SuppressionResult(suppressed, failures.Count == 0, notes, [.. failures.Select(f => f.Detail).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The hypercube pattern with its audit-driven repairs skipped: callers audit it.</summary>
    public static bool[] Fast(ProtectionProblem problem)
    {
        var suppressed = Primaries(problem);
        var order = problem.Primaries
            .OrderByDescending(p => Math.Max(problem.Requirement[p].Width, problem.Requirement[p].Upper))
            .ThenBy(p => problem.Grid.Value[p])
            .ThenBy(p => p);
        HypercubeSuppressor.Protect(problem, suppressed, order, -1, []);
        return suppressed;
    }

    private static bool[] Primaries(ProtectionProblem problem) => (bool[])problem.Primary.Clone();
}
