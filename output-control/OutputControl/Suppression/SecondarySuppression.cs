using System.Diagnostics;
using System.Globalization;
using OutputControl.Audit;
using OutputControl.Requests;
using OutputControl.Tables;

namespace OutputControl.Suppression;

/// <summary>
/// Chooses secondary suppressions with the policy's method and audits the result. Inner cells are tried first;
/// margins join only when no pattern on inner cells exists. A pattern that fails the audit is repaired. When neither
/// the exact search nor the repairs give a proven pattern, a complete method decides: protection only grows with the
/// cells suppressed, so if suppressing every cell protects the primaries, a pattern exists and one is found by
/// releasing cells, largest first, while the audit holds; if it does not, no pattern exists and the output is
/// blocked with that proof. A pattern is never reported protected unless the audit proved it.
/// </summary>
internal static class SecondarySuppression
{
    private const int RepairRounds = 6;

    /// <summary>Hierarchical tables with more cells than this are protected subtable by subtable.</summary>
    private const int DecomposeAbove = 2_000;

    /// <summary>Tables up to this many cells fall back to the complete method when nothing else proves a pattern.</summary>
    private const int CompleteUpTo = 20_000;

    public static SuppressionResult Protect(ProtectionProblem problem, SecondaryMethod method, TimeSpan optimalLimit)
    {
        var grid = problem.Grid;
        var notes = new List<string>();
        if (problem.Primaries.Length == 0)
        {
            return new SuppressionResult(new bool[grid.Count], true, notes, []);
        }

        var clock = Stopwatch.StartNew();
        bool[]? suppressed = null;
        var bySubtables = method == SecondaryMethod.Optimal && !grid.IsFlat && grid.Count > DecomposeAbove;
        if (bySubtables)
        {
            suppressed = SubtableSuppressor.Protect(problem, optimalLimit, notes);
        }
        else if (method == SecondaryMethod.Optimal)
        {
            var (outcome, pattern, status) = OptimalSuppressor.Protect(problem, margins: false, optimalLimit);
            if (outcome == OptimalOutcome.Infeasible)
            {
                notes.Add($"no pattern on inner cells protects the primaries ({status}): margins are suppressed too");
                (outcome, pattern, status) = OptimalSuppressor.Protect(problem, margins: true, optimalLimit - clock.Elapsed);
            }

            if (outcome == OptimalOutcome.TimedOut)
            {
                notes.Add($"the exact search did not finish within {optimalLimit.TotalSeconds:0} s ({status}): the fast heuristic's pattern is used");
            }
            else if (outcome == OptimalOutcome.Infeasible)
            {
                notes.Add($"the exact search found no pattern ({status})");
            }

            suppressed = pattern;
        }

        suppressed ??= Fast(problem);
        var failures = AuditAndRepair(problem, suppressed);
        if (bySubtables)
        {
            // The subtable method is exact per subtable, not for the whole table, and a subtable out of time is done
            // fast: its pattern can suppress more than the fast method's over the whole table. The cheaper proven
            // pattern is kept, so `optimal` never suppresses more than `fast`.
            var fast = Fast(problem);
            var fastFailures = AuditAndRepair(problem, fast);
            var (fastSize, subtableSize) = (Size(problem, fast), Size(problem, suppressed));
            if (fastFailures.Count == 0 && (failures.Count > 0 || fastSize.CompareTo(subtableSize) < 0))
            {
                var unproven = failures.Count > 0 ? $" and left {failures.Count} primaries unproven" : string.Empty;
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"the fast method's pattern is used: it suppresses a value of {fastSize.Value:N0} in {fastSize.Cells:N0} cells, the subtables' pattern {subtableSize.Value:N0} in {subtableSize.Cells:N0}{unproven}"));
                (suppressed, failures) = (fast, fastFailures);
            }
        }

        if (failures.Count == 0)
        {
            return new SuppressionResult(suppressed, true, notes, []);
        }

        if (grid.Count > CompleteUpTo)
        {
            // Suppressing a table of this size whole and releasing it cell by cell is no answer a checker could use.
            notes.Add($"the complete method is not tried on tables of more than {CompleteUpTo:N0} cells");
            return new SuppressionResult(suppressed, false, notes, [.. failures.Select(f => f.Detail).Order(StringComparer.Ordinal)]);
        }

        return Complete(problem, notes, optimalLimit);
    }

    /// <summary>Audits the pattern and repairs what fails, for a few rounds; returns what still fails.</summary>
    private static List<AuditFailure> AuditAndRepair(ProtectionProblem problem, bool[] suppressed)
    {
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

        return failures;
    }

    /// <summary>What a pattern suppresses beyond the primaries, ordered as the exact method's objective: less value,
    /// then fewer cells.</summary>
    private static (decimal Value, int Cells) Size(ProtectionProblem problem, bool[] suppressed)
    {
        var (value, cells) = (0m, 0);
        for (var c = 0; c < suppressed.Length; c++)
        {
            if (suppressed[c] && !problem.Primary[c])
            {
                value += problem.Grid.Value[c];
                cells++;
            }
        }

        return (value, cells);
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

    /// <summary>
    /// The complete method: the pattern of every cell decides whether any pattern exists; if one does, cells are
    /// released, largest value first, while the audit still proves every primary (stopping early at the time limit
    /// leaves a larger pattern, still proven).
    /// </summary>
    private static SuppressionResult Complete(ProtectionProblem problem, List<string> notes, TimeSpan limit)
    {
        var grid = problem.Grid;
        var all = Enumerable.Repeat(true, grid.Count).ToArray();
        var proof = PatternAuditor.Audit(problem, all);
        if (proof.Count > 0)
        {
            var reasons = proof.Select(f => $"even with every cell suppressed, {f.Detail}").Order(StringComparer.Ordinal).ToList();
            return new SuppressionResult(Primaries(problem), false, notes, reasons);
        }

        var (released, stopped) = Release(problem, all, pattern => PatternAuditor.Audit(problem, pattern).Count == 0, limit);
        notes.Add(stopped
            ? $"no method above gave a proven pattern: every cell was suppressed and {released} released before the time limit"
            : $"no method above gave a proven pattern: every cell was suppressed and then released, largest first, while the audit held ({released} released)");
        return new SuppressionResult(all, true, notes, []);
    }

    /// <summary>
    /// Releases the non-primary cells of a proven pattern one at a time, margins and largest values first, keeping
    /// each release only while <paramref name="proven"/> still holds; stops at the time limit with a larger pattern,
    /// still proven.
    /// </summary>
    public static (int Released, bool Stopped) Release(ProtectionProblem problem, bool[] suppressed, Func<bool[], bool> proven, TimeSpan limit)
    {
        var grid = problem.Grid;
        var clock = Stopwatch.StartNew();
        var released = 0;
        foreach (var c in Enumerable.Range(0, grid.Count).Where(c => !problem.Primary[c])
                     .OrderByDescending(grid.IsMargin).ThenByDescending(c => grid.Value[c]).ThenBy(c => c))
        {
            if (clock.Elapsed > limit)
            {
                return (released, true);
            }

            suppressed[c] = false;
            if (proven(suppressed))
            {
                released++;
            }
            else
            {
                suppressed[c] = true;
            }
        }

        return (released, false);
    }

    private static bool[] Primaries(ProtectionProblem problem) => (bool[])problem.Primary.Clone();
}
