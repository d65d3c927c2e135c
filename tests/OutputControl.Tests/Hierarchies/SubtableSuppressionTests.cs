using OutputControl.Requests;
using OutputControl.Suppression;
using OutputControl.Tables;
using OutputControl.Tests.Suppression;

namespace OutputControl.Tests.Hierarchies;

/// <summary>
/// Hierarchical tables above 2,000 cells, which `optimal` protects subtable by subtable: exact per subtable, not
/// for the whole table, and done fast in the subtables its time budget no longer covers (the server's budget is 60 s;
/// a national table exhausts it).
/// </summary>
public class SubtableSuppressionTests
{
    /// <summary>
    /// gemeente ⊃ wijk ⊃ buurt (6 / 24 / 120) × 5 sections × 2 quarters with every subtotal: 151 × 6 × 3 = 2,718
    /// cells. Buurt counts are sparse (a third of them below 10), as in the dashboard's tables.
    /// </summary>
    private static TableOutput Table(int seed)
    {
        var random = new Random(seed);
        var areas = new List<string>();
        var parents = new Dictionary<string, string>();
        for (var g = 0; g < 6; g++)
        {
            areas.Add($"GM{g}");
            for (var w = 0; w < 4; w++)
            {
                areas.Add($"WK{g}{w}");
                parents[$"WK{g}{w}"] = $"GM{g}";
                for (var b = 0; b < 5; b++)
                {
                    areas.Add($"BU{g}{w}{b}");
                    parents[$"BU{g}{w}{b}"] = $"WK{g}{w}";
                }
            }
        }

        var leaves = new Dictionary<string, decimal>(StringComparer.Ordinal);
        return Tables.Hierarchical(
            [
                new Dimension("gebied", areas, "NL", parents),
                new Dimension("sectie", ["A", "C", "G", "I", "K"], "totaal"),
                new Dimension("kwartaal", ["Q1", "Q2"], "jaar"),
            ],
            key =>
            {
                var k = string.Join(",", key);
                if (!leaves.TryGetValue(k, out var v))
                {
                    v = random.Next(3) == 0 ? random.Next(0, 10) : random.Next(10, 60);
                    leaves[k] = v;
                }

                return v;
            });
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(1, 30)]
    [InlineData(2, 30)]
    public void Protect_BySubtables_NeverSuppressesMoreThanFast(int seed, int budgetSeconds)
    {
        var problem = SecondarySuppressionTests.Problem(Table(seed));
        Assert.True(problem.Grid.Count > 2_000);

        var fast = SecondarySuppression.Protect(problem, SecondaryMethod.Fast, TimeSpan.FromSeconds(30));
        var optimal = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(budgetSeconds));

        Assert.True(fast.Protected, string.Join("; ", fast.AuditFailures));
        Assert.True(optimal.Protected, string.Join("; ", optimal.AuditFailures));
        Assert.Contains(optimal.Notes, n => n.StartsWith("protected as 31 subtables", StringComparison.Ordinal));
        var (fastCost, optimalCost) = (SecondarySuppressionTests.Cost(problem, fast.Suppressed), SecondarySuppressionTests.Cost(problem, optimal.Suppressed));
        Assert.True(optimalCost <= fastCost, $"optimal {optimalCost} > fast {fastCost}; notes: {string.Join("; ", optimal.Notes)}");
        if (optimal.Notes.Any(n => n.StartsWith("the fast method's pattern is used", StringComparison.Ordinal)))
        {
            Assert.Equal(fast.Suppressed, optimal.Suppressed);
        }
    }
}
