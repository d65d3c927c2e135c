using OutputControl.Requests;
using OutputControl.Results;
using OutputControl.Suppression;
using OutputControl.Tables;
using OutputControl.Tests.Suppression;

namespace OutputControl.Tests.Hierarchies;

/// <summary>Tables whose dimension is a hierarchy (buurt ⊂ wijk ⊂ gemeente), with outcomes derived by hand.</summary>
public class HierarchicalTableTests
{
    // NL ⊃ G1 ⊃ {W1 ⊃ {B1, B2}, W2 ⊃ {B3, B4}}.
    private static readonly Dimension Area = new(
        "gebied",
        ["G1", "W1", "W2", "B1", "B2", "B3", "B4"],
        "NL",
        new Dictionary<string, string> { ["W1"] = "G1", ["W2"] = "G1", ["B1"] = "W1", ["B2"] = "W1", ["B3"] = "W2", ["B4"] = "W2" });

    private static readonly Dictionary<string, decimal> Small = new() { ["B1"] = 3, ["B2"] = 4, ["B3"] = 25, ["B4"] = 40 };

    private static string[] Suppressed(ProtectionProblem problem, bool[] suppressed) =>
        [.. Enumerable.Range(0, suppressed.Length).Where(c => suppressed[c]).Select(c => string.Join(",", problem.Grid.Key(c)))];

    [Fact]
    public void Protect_SmallWijk_SuppressesSiblingWijkAndItsCheapestBuurt()
    {
        // B1=3, B2=4 and their wijk W1=7 are primaries. With W2=65 and G1=72 published, W1 = 72 − 65 exactly: a
        // sibling wijk must go, and with it one of its buurten, else W2 = B3 + B4. {W2, B3} costs 65 + 25 = 90,
        // {W2, B4} 105, {G1, NL} 144. Then B1 + B2 + B3 = 72 − 40 = 32: W1 ∈ [0, 32], B1 ∈ [0, 32], B2 ∈ [0, 32].
        var problem = SecondarySuppressionTests.Problem(Tables.Hierarchical([Area], k => Small[k[0]]));

        var result = SecondarySuppression.Protect(problem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected, string.Join("; ", result.AuditFailures));
        Assert.Equal(["W1", "W2", "B1", "B2", "B3"], Suppressed(problem, result.Suppressed));
        Assert.Empty(PropertyTests.IndependentAudit(problem, result.Suppressed));
    }

    [Fact]
    public void Protect_SmallWijk_FastMethodIsAlsoProven()
    {
        var problem = SecondarySuppressionTests.Problem(Tables.Hierarchical([Area], k => Small[k[0]]));

        var result = SecondarySuppression.Protect(problem, SecondaryMethod.Fast, TimeSpan.FromSeconds(30));

        Assert.True(result.Protected, string.Join("; ", result.AuditFailures));
        Assert.Empty(PropertyTests.IndependentAudit(problem, result.Suppressed));
    }

    [Fact]
    public void Protect_BuurtTableAlone_LeavesWijkRecomputable()
    {
        // Today's flat method on the buurt table alone: B1 + B2 + B3 suppressed (cost 25) protects the buurten, but
        // the wijk table published beside it holds W2 = 65 and G1 = 72, so W1 = 7 = B1 + B2 is recomputed. The same
        // buurten inside the hierarchy are checked against every subtotal relation, which needs W2 as well.
        var flat = new Dimension("buurt", ["B1", "B2", "B3", "B4"], "NL");
        var flatProblem = SecondarySuppressionTests.Problem(Tables.Hierarchical([flat], k => Small[k[0]]));
        var flatResult = SecondarySuppression.Protect(flatProblem, SecondaryMethod.Optimal, TimeSpan.FromSeconds(30));
        Assert.Equal(["B1", "B2", "B3"], Suppressed(flatProblem, flatResult.Suppressed));

        var problem = SecondarySuppressionTests.Problem(Tables.Hierarchical([Area], k => Small[k[0]]));
        var pattern = new bool[problem.Grid.Count];
        foreach (var c in Enumerable.Range(0, problem.Grid.Count).Where(c => problem.Grid.Key(c)[0] is "B1" or "B2" or "B3" or "W1"))
        {
            pattern[c] = true;
        }

        Assert.Contains(PropertyTests.IndependentAudit(problem, pattern), f => f.StartsWith("['W1']", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_HierarchyByMunicipalityAndSex_SubtotalsPublishedRoundedAndConsistent()
    {
        // 2-D: gebied (hierarchy) × sex (flat). Only (B1, v) = 4 is small; its cheapest protection stays inside W1's
        // buurten and the two sexes: (B1,m), (B2,v), (B2,m) — leaving W1 and every subtotal published.
        var sex = new Dimension("sex", ["v", "m"], "T");
        var values = new Dictionary<(string, string), decimal>
        {
            [("B1", "v")] = 4, [("B1", "m")] = 30, [("B2", "v")] = 20, [("B2", "m")] = 22,
            [("B3", "v")] = 50, [("B3", "m")] = 60, [("B4", "v")] = 70, [("B4", "m")] = 80,
        };
        var table = Tables.Hierarchical([Area, sex], k => values[(k[0], k[1])]);

        var result = OutputChecker.Check(Tables.Request(table));

        Assert.Equal(Verdict.Protected, result.Verdict);
        string Status(string a, string s) => result.Cells.Single(c => c.Key[0] == a && c.Key[1] == s).Status.ToString();
        Assert.Equal("Primary", Status("B1", "v"));
        Assert.Equal(["B1,m", "B2,m", "B2,v"], result.Cells.Where(c => c.Status == CellStatus.Secondary).Select(c => string.Join(",", c.Key)).Order());
        Assert.Equal(80, result.Cells.Single(c => c.Key[0] == "W1" && c.Key[1] == "T").Published);
    }
}
