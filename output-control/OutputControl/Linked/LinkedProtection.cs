using OutputControl.Audit;
using OutputControl.Rules;
using OutputControl.Suppression;
using OutputControl.Tables;

namespace OutputControl.Linked;

/// <summary>
/// Protects an output together with the earlier releases it is linked with (<see cref="CoverTable"/>): the output's
/// pattern must also hold against an attacker who has all of them, and must not uncover a cell an earlier release
/// hid. Failures are repaired inside the output (a hypercube around an output cell, or the output's cells that share
/// a relation with an uncovered earlier cell); when repairs do not prove it, the complete method decides as for one
/// table: every output cell suppressed, then released one by one while both audits hold.
/// </summary>
internal static class LinkedProtection
{
    private const int RepairRounds = 4;

    public static (bool Protected, List<string> Failures, string? Note) Protect(
        ProtectionProblem problem, CoverTable cover, bool[] suppressed, ProtectionRequirement hidden, TimeSpan limit)
    {
        var targets = problem.Primaries.Select(p => (p, problem.Requirement[p]))
            .Concat(cover.HiddenBefore.Select(v => (v, hidden))).ToList();
        var failures = JointAuditor.Audit(cover, suppressed, targets);
        for (var round = 0; round < RepairRounds && failures.Count > 0; round++)
        {
            foreach (var (v, _) in failures)
            {
                if (v < problem.Grid.Count)
                {
                    HypercubeSuppressor.Protect(problem, suppressed, [v], int.MinValue, []);
                }
                else
                {
                    foreach (var c in Neighbours(cover, v))
                    {
                        suppressed[c] = true;
                    }
                }
            }

            failures = JointAuditor.Audit(cover, suppressed, targets);
            if (failures.Count == 0 && PatternAuditor.Audit(problem, suppressed).Count > 0)
            {
                failures = [(-1, "the repaired pattern fails the output's own audit")];
            }
        }

        if (failures.Count == 0)
        {
            return (true, [], null);
        }

        return Complete(problem, cover, suppressed, targets, limit);
    }

    /// <summary>The output's cells, published there and nowhere before, that share a relation with a variable.</summary>
    private static IEnumerable<int> Neighbours(CoverTable cover, int variable)
    {
        for (var r = 0; r < cover.Members.Count; r++)
        {
            if (Array.IndexOf(cover.Members[r], variable) < 0)
            {
                continue;
            }

            foreach (var c in cover.Members[r])
            {
                if (c < cover.Output.Count && !cover.PublishedBefore[c])
                {
                    yield return c;
                }
            }
        }
    }

    private static (bool, List<string>, string?) Complete(
        ProtectionProblem problem, CoverTable cover, bool[] suppressed, List<(int, ProtectionRequirement)> targets, TimeSpan limit)
    {
        Array.Fill(suppressed, true);
        var proof = JointAuditor.Audit(cover, suppressed, targets);
        if (proof.Count > 0)
        {
            return (false, [.. proof.Select(f => $"even with every cell of the output suppressed, {f.Detail}")], null);
        }

        var (released, _) = SecondarySuppression.Release(
            problem, suppressed, pattern => JointAuditor.Audit(cover, pattern, targets).Count == 0 && PatternAuditor.Audit(problem, pattern).Count == 0, limit);
        return (true, [], $"repairs did not protect the linked releases: every cell was suppressed and {released} released while both audits held");
    }
}
