using CsCheck;
using OutputControl.Requests;
using OutputControl.Suppression;
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
}
