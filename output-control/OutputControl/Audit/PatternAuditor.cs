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
    private const int MaxCombinations = 4096;

    /// <summary>Groups above this many cells are checked by blocks before the whole group's LP.</summary>
    private const int BlocksFrom = 1_000;

    public static List<AuditFailure> Audit(ProtectionProblem problem, bool[] suppressed, int maxLpGroup = 4_000)
    {
        var grid = problem.Grid;
        var failures = new ConcurrentBag<AuditFailure>();
        var uncertain = new ConcurrentBag<int>();
        var scenarios = new ConcurrentDictionary<int, int>();
        Parallel.ForEach(problem.Primaries, p =>
        {
            if (!suppressed[p])
            {
                failures.Add(new AuditFailure(p, -1, $"primary {grid.FormatKey(p)} is published"));
            }
            else if (FailingScenario(problem, suppressed, p) is { } scenario)
            {
                uncertain.Add(p);
                scenarios[p] = scenario;
            }
        });
        if (uncertain.IsEmpty)
        {
            return [.. failures];
        }

        if (FlowAuditor.Applies(grid))
        {
            var flows = new FlowAuditor(grid, suppressed);
            foreach (var p in uncertain.Order())
            {
                foreach (var failure in CheckByFlow(problem, flows, p))
                {
                    failures.Add(failure);
                }
            }

            return [.. failures];
        }

        var pending = uncertain.ToHashSet();
        var bound = Bound(problem);
        Parallel.ForEach(Components.Of(grid, suppressed), group =>
        {
            var targets = group.Where(pending.Contains).ToList();
            if (targets.Count == 0)
            {
                return;
            }

            // A large group goes by blocks first: their LPs are small, and a target they prove needs no LP over
            // the whole group.
            var tried = new Dictionary<int, BlockReach?>();
            if (group.Count > Math.Min(BlocksFrom, maxLpGroup))
            {
                tried = CheckByBlocks(problem, group, targets, suppressed, bound, Math.Min(maxLpGroup, group.Count - 1));
                targets = [.. tried.Keys.Order()];
            }

            if (targets.Count > 0 && group.Count <= maxLpGroup)
            {
                using var lp = new AttackerLp(grid, group, suppressed, bound, includePublished: false);
                foreach (var (p, known, up, down) in CheckByLp(problem, lp, targets, [.. group.Where(problem.IsSingleton)]))
                {
                    failures.Add(Failure(grid, p, known, up, down));
                }
            }
            else
            {
                foreach (var p in targets)
                {
                    failures.Add(NotProven(grid, group.Count, p, scenarios[p], tried.GetValueOrDefault(p)));
                }
            }
        });

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
    public static bool Certified(ProtectionProblem problem, bool[] suppressed, int p) => FailingScenario(problem, suppressed, p) is null;

    /// <summary>Null when hypercube certificates prove the cell's protection in every scenario; otherwise the
    /// scenario they cannot prove: −1 for the plain attacker, else the singleton whose owner defeats them.</summary>
    public static int? FailingScenario(ProtectionProblem problem, bool[] suppressed, int p)
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

        bool Enough(List<Certificate> certificates) =>
            Holds(certificates, -1) && Singletons(problem, certificates, p).All(s => Holds(certificates, s));

        var certificates = CubeCertificates.Find(grid, suppressed, p, MaxCombinations, Enough);
        if (!Holds(certificates, -1))
        {
            return -1;
        }

        foreach (var s in Singletons(problem, certificates, p))
        {
            if (!Holds(certificates, s))
            {
                return s;
            }
        }

        return null;
    }

    private static IEnumerable<int> Singletons(ProtectionProblem problem, List<Certificate> certificates, int p) =>
        certificates.SelectMany(c => c.Cells).Where(c => problem.IsOwnerAttack(c, p)).Distinct();

    /// <summary>
    /// Exact LP check of the targets of one group. Every LP solution is a point the attacker cannot exclude, so it
    /// widens the known interval of every target at once; a target whose requirement those points already meet
    /// needs no LP of its own. A singleton owner's knowledge removes only the points where that singleton moved.
    /// </summary>
    private static List<(int Cell, int Known, double Up, double Down)> CheckByLp(
        ProtectionProblem problem, AttackerLp lp, IReadOnlyCollection<int> targets, List<int> singletons)
    {
        var failures = new List<(int, int, double, double)>();
        var up = targets.ToDictionary(t => t, _ => 0.0);
        var down = targets.ToDictionary(t => t, _ => 0.0);
        var witnessUp = targets.ToDictionary(t => t, _ => -1);
        var witnessDown = targets.ToDictionary(t => t, _ => -1);
        var moved = new List<HashSet<int>>();
        void Record()
        {
            var index = moved.Count;
            moved.Add([.. singletons.Where(s => Math.Abs(lp.Deviation(s)) > 1e-9)]);
            foreach (var q in targets)
            {
                var d = lp.Deviation(q);
                if (d > up[q])
                {
                    up[q] = d;
                    witnessUp[q] = index;
                }

                if (-d > down[q])
                {
                    down[q] = -d;
                    witnessDown[q] = index;
                }
            }
        }

        bool Moved(int witness, int s) => witness >= 0 && moved[witness].Contains(s);

        foreach (var p in targets.OrderBy(t => t))
        {
            var requirement = problem.Requirement[p];
            if (!Meets(requirement, up[p], down[p]))
            {
                var u = lp.Max(p, 1);
                Record();
                var d = lp.Max(p, -1);
                Record();
                if (!Meets(requirement, u, d))
                {
                    failures.Add((p, -1, u, d));
                    continue;
                }
            }

            foreach (var s in singletons)
            {
                if (!problem.IsOwnerAttack(s, p) || (!Moved(witnessUp[p], s) && !Moved(witnessDown[p], s)))
                {
                    continue;
                }

                lp.Pin(s, true);
                var upKnown = lp.Max(p, 1);
                Record();
                var downKnown = lp.Max(p, -1);
                Record();
                lp.Pin(s, false);
                if (!Meets(requirement, upKnown, downKnown))
                {
                    failures.Add((p, s, upKnown, downKnown));
                }
            }
        }

        return failures;
    }

    /// <summary>
    /// A large group checked block by block: a target's block is the group's cells whose coordinate on every
    /// hierarchical dimension lies under the target's ancestor <c>level</c> steps up (its wijk, then its gemeente, …),
    /// every flat dimension whole. The block's LP holds every other cell of the group at its true value, which only
    /// takes freedom from the attacker, so a requirement met within a block holds in the group. A target a block
    /// cannot prove moves on to its next larger block while that has at most <paramref name="limit"/> cells. Returns
    /// the targets left, each with its reach in the largest block tried (null when none fitted): not a narrowing,
    /// since outside the block the attacker may have more.
    /// </summary>
    private static Dictionary<int, BlockReach?> CheckByBlocks(
        ProtectionProblem problem, List<int> group, List<int> targets, bool[] suppressed, double bound, int limit)
    {
        var grid = problem.Grid;
        var hierarchical = Enumerable.Range(0, grid.Dimensions).Where(d => grid.Hierarchy[d].HasSubtotals).ToArray();
        var left = new ConcurrentDictionary<int, BlockReach?>(targets.Select(t => KeyValuePair.Create(t, (BlockReach?)null)));
        var open = targets;
        for (var level = 1; open.Count > 0; level++)
        {
            var blocks = new Dictionary<long, List<int>>();
            foreach (var p in open)
            {
                var key = BlockKey(grid, hierarchical, p, level);
                if (level > 1 && key == BlockKey(grid, hierarchical, p, level - 1))
                {
                    continue;
                }

                if (blocks.TryGetValue(key, out var block))
                {
                    block.Add(p);
                }
                else
                {
                    blocks[key] = [p];
                }
            }

            var members = blocks.Keys.ToDictionary(k => k, _ => new List<int>());
            foreach (var c in group)
            {
                AddToBlocks(grid, hierarchical, c, 0, 0, members);
            }

            var retry = new ConcurrentBag<int>();
            Parallel.ForEach(blocks, block =>
            {
                var cells = members[block.Key];
                if (cells.Count > limit)
                {
                    return;
                }

                using var lp = new AttackerLp(grid, cells, suppressed, bound, includePublished: false);
                var failed = CheckByLp(problem, lp, block.Value, [.. cells.Where(problem.IsSingleton)]);
                foreach (var p in block.Value.Except(failed.Select(f => f.Cell)))
                {
                    left.TryRemove(p, out _);
                }

                foreach (var (p, known, up, down) in failed)
                {
                    left[p] = new BlockReach(known, up, down, cells.Count);
                    retry.Add(p);
                }
            });
            open = [.. retry.Distinct().Order()];
        }

        return new Dictionary<int, BlockReach?>(left);
    }

    /// <summary>The block of cell <paramref name="p"/> at <paramref name="level"/>: its ancestors that many steps up on
    /// the hierarchical dimensions (a root when the tree is shallower), as one grid offset.</summary>
    private static long BlockKey(TableGrid grid, int[] hierarchical, int p, int level)
    {
        var key = 0L;
        foreach (var d in hierarchical)
        {
            var parent = grid.Hierarchy[d].Parent;
            var a = grid.Coord(p, d);
            for (var step = 0; step < level && parent[a] >= 0; step++)
            {
                a = parent[a];
            }

            key += (long)a * grid.Stride[d];
        }

        return key;
    }

    /// <summary>Adds a cell to every wanted block it lies in: on each hierarchical dimension its coordinate or any ancestor.</summary>
    private static void AddToBlocks(TableGrid grid, int[] hierarchical, int cell, int at, long key, Dictionary<long, List<int>> members)
    {
        if (at == hierarchical.Length)
        {
            if (members.TryGetValue(key, out var block))
            {
                block.Add(cell);
            }

            return;
        }

        var d = hierarchical[at];
        for (var a = grid.Coord(cell, d); a >= 0; a = grid.Hierarchy[d].Parent[a])
        {
            AddToBlocks(grid, hierarchical, cell, at + 1, key + ((long)a * grid.Stride[d]), members);
        }
    }

    private static List<AuditFailure> CheckByFlow(ProtectionProblem problem, FlowAuditor flows, int p)
    {
        var r = problem.Requirement[p];
        var failures = new List<AuditFailure>();
        var used = new HashSet<int>();
        (double Up, double Down) Reach(int pinned, HashSet<int> moved)
        {
            var down = flows.Reach(p, -1, (double)Math.Max(r.Lower, r.Width), pinned, moved);
            var up = flows.Reach(p, 1, Math.Max((double)r.Upper, (double)r.Width - down), pinned, moved);
            return (up, down);
        }

        var (up, down) = Reach(-1, used);
        if (!Meets(r, up, down))
        {
            failures.Add(Failure(problem.Grid, p, -1, up, down));
            return failures;
        }

        // Flows that move no singleton stay feasible when its owner knows it; only the singletons moved need a look.
        foreach (var s in used.Where(c => problem.IsOwnerAttack(c, p)).Order())
        {
            var (upKnown, downKnown) = Reach(s, []);
            if (!Meets(r, upKnown, downKnown))
            {
                failures.Add(Failure(problem.Grid, p, s, upKnown, downKnown));
            }
        }

        return failures;
    }

    private static AuditFailure Failure(TableGrid grid, int p, int known, double up, double down)
    {
        var x = (double)grid.Value[p];
        var detail = string.Create(
            CultureInfo.InvariantCulture, $"{grid.FormatKey(p)} can be narrowed to [{x - down:0.##}, {x + up:0.##}]{Who(grid, known)}");
        return new AuditFailure(p, known, detail);
    }

    private static AuditFailure NotProven(TableGrid grid, int groupSize, int p, int scenario, BlockReach? tried)
    {
        if (tried is null)
        {
            return new AuditFailure(p, scenario,
                $"protection of {grid.FormatKey(p)}{Who(grid, scenario)} not proven (group of {groupSize} cells too large for the LP, and no block of it around the cell fits)");
        }

        var x = (double)grid.Value[p];
        return new AuditFailure(p, tried.Known, string.Create(CultureInfo.InvariantCulture,
            $"protection of {grid.FormatKey(p)}{Who(grid, tried.Known)} not proven: its group of {groupSize} suppressed cells is too large for one LP, and within its largest block that fits ({tried.Block} cells, the rest held at their values) the attacker reaches only [{x - tried.Down:0.##}, {x + tried.Up:0.##}]"));
    }

    private static string Who(TableGrid grid, int known) =>
        known < 0 ? string.Empty : $" when the owner of {grid.FormatKey(known)} knows its value";

    /// <summary>A target's reach in the largest block whose LP could not prove it, under owner <c>Known</c> (−1 for none).</summary>
    private sealed record BlockReach(int Known, double Up, double Down, int Block);
}
