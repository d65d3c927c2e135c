using CsCheck;
using OutputControl.Audit;
using OutputControl.Requests;
using OutputControl.Rules;
using OutputControl.Suppression;
using OutputControl.Tables;
using OutputControl.Tests.Suppression;

namespace OutputControl.Tests.Hierarchies;

/// <summary>Invariants on random hierarchies (depth 2–3, with and without a flat second dimension), judged by the
/// independent full-table LP in <see cref="PropertyTests"/> that reads the relations from the declarations.</summary>
public class HierarchyPropertyTests
{
    /// <summary>A random tree under total "T": 1–3 groups, each with 1–3 children, each of which may have 2 leaves;
    /// leaf values from 0 to <c>max</c> − 1; and, half the time, a flat dimension of 2 categories.</summary>
    private static readonly Gen<TableOutput> RandomTable =
        from seed in Gen.Int
        from max in Gen.Int[3, 40]
        from twoWay in Gen.Bool
        select Build(new Random(seed), max, twoWay);

    private static TableOutput Build(Random random, int max, bool twoWay)
    {
        var categories = new List<string>();
        var parents = new Dictionary<string, string>();
        for (var g = 0; g < random.Next(1, 4); g++)
        {
            var group = $"g{g}";
            categories.Add(group);
            for (var w = 0; w < random.Next(1, 4); w++)
            {
                var child = $"{group}w{w}";
                categories.Add(child);
                parents[child] = group;
                if (random.Next(2) == 0)
                {
                    for (var b = 0; b < 2; b++)
                    {
                        categories.Add($"{child}b{b}");
                        parents[$"{child}b{b}"] = child;
                    }
                }
            }
        }

        var area = new Dimension("area", categories, "T", parents);
        var leaves = new Dictionary<string, decimal>();
        decimal Leaf(string[] key)
        {
            var k = string.Join(",", key);
            if (!leaves.TryGetValue(k, out var v))
            {
                v = random.Next(0, max);
                leaves[k] = v;
            }

            return v;
        }

        return twoWay
            ? Tables.Hierarchical([area, new Dimension("sex", ["m", "v"], "T")], Leaf)
            : Tables.Hierarchical([area], Leaf);
    }

    [Fact]
    public void Protect_RandomHierarchies_ProvenPatternsHoldAndBlockedOnlyWithoutAnyPattern() =>
        RandomTable.Sample(table =>
        {
            var problem = SecondarySuppressionTests.Problem(table);
            foreach (var method in new[] { SecondaryMethod.Fast, SecondaryMethod.Optimal })
            {
                var result = SecondarySuppression.Protect(problem, method, TimeSpan.FromSeconds(30));
                if (result.Protected)
                {
                    Assert.All(problem.Primaries, p => Assert.True(result.Suppressed[p]));
                    Assert.Empty(PropertyTests.IndependentAudit(problem, result.Suppressed));
                }
                else
                {
                    Assert.NotEmpty(PropertyTests.IndependentAudit(problem, Enumerable.Repeat(true, problem.Grid.Count).ToArray()));
                }
            }
        }, iter: 60, threads: 1);

    [Fact]
    public void Protect_RandomHierarchies_OptimalNeverCostsMoreThanFast() =>
        RandomTable.Sample(table =>
        {
            var problem = SecondarySuppressionTests.Problem(table);
            var fast = SecondarySuppression.Protect(problem, SecondaryMethod.Fast, TimeSpan.FromSeconds(30));
            var optimal = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));
            if (fast.Protected && optimal.Protected && optimal.Notes.Count == 0 && fast.Notes.Count == 0)
            {
                Assert.True(
                    SecondarySuppressionTests.Cost(problem, optimal.Suppressed) <= SecondarySuppressionTests.Cost(problem, fast.Suppressed),
                    $"optimal {SecondarySuppressionTests.Cost(problem, optimal.Suppressed)} > fast {SecondarySuppressionTests.Cost(problem, fast.Suppressed)}");
            }
        }, iter: 60, threads: 1);

    /// <summary>A random table with that many dimensions, and a seed for what the test draws besides.</summary>
    private static Gen<(TableOutput Table, int Seed)> WithSeed(int dimensions) =>
        from table in RandomTable where table.Dimensions.Count == dimensions from seed in Gen.Int select (table, seed);

    /// <summary>Every primary suppressed, and each other cell with probability 1/2.</summary>
    private static bool[] RandomPattern(ProtectionProblem problem, Random random) =>
        [.. Enumerable.Range(0, problem.Grid.Count).Select(c => problem.Primary[c] || random.Next(2) == 0)];

    [Fact]
    public void Audit_GroupsOverTheLpLimit_BlocksNeverProveWhatTheWholeLpCannot()
    {
        // Random requirements (upper 1–29) and patterns audited twice: with the whole group's LP, and with a limit one
        // below the largest group's size, which sends that group through blocks. A cell the whole LP cannot prove must
        // fail by blocks too, and a block failure is never shown as a narrowing. Two-way tables only: one-way tables go
        // through flows. (That blocks prove what certificates cannot is the hand case in PatternAuditorTests.)
        WithSeed(dimensions: 2).Sample(t =>
        {
            var policy = SecondarySuppressionTests.Problem(t.Table);
            var random = new Random(t.Seed);
            var requirement = policy.Requirement.Select(_ => new ProtectionRequirement(0, random.Next(1, 30), 0)).ToArray();
            var problem = new ProtectionProblem(policy.Grid, policy.Primary, requirement);
            var pattern = RandomPattern(problem, random);
            var whole = PatternAuditor.Audit(problem, pattern, maxLpGroup: int.MaxValue).Select(f => f.Cell).ToHashSet();
            var limit = Math.Max(1, Components.Of(problem.Grid, pattern).Select(g => g.Count).DefaultIfEmpty(0).Max() - 1);
            var blocks = PatternAuditor.Audit(problem, pattern, maxLpGroup: limit);
            Assert.Superset(whole, blocks.Select(f => f.Cell).ToHashSet());
            var large = Components.Of(problem.Grid, pattern).Where(g => g.Count > limit).SelectMany(g => g).ToHashSet();
            Assert.All(blocks.Where(f => large.Contains(f.Cell)), f => Assert.Contains("not proven", f.Detail, StringComparison.Ordinal));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Audit_OneWayHierarchies_FlowsFailExactlyWhereTheFullLpDoes()
    {
        // One-way tables go through max flows (every relation a node, every suppressed cell an edge); the independent
        // full-table LP must agree on every primary, in every singleton owner's scenario, on random patterns.
        WithSeed(dimensions: 1).Sample(t =>
        {
            var problem = SecondarySuppressionTests.Problem(t.Table);
            var random = new Random(t.Seed);
            var pattern = RandomPattern(problem, random);
            var flows = PatternAuditor.Audit(problem, pattern).Select(f => problem.Grid.FormatKey(f.Cell)).ToHashSet();
            var lp = PropertyTests.IndependentAudit(problem, pattern).Select(f => f[..f.IndexOf(" owner ", StringComparison.Ordinal)]).ToHashSet();
            Assert.Equal(lp.Order(), flows.Order());
        }, iter: 200, threads: 1);
    }
}
