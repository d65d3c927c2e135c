using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests.Requests;

/// <summary>The gateway's own policy against the one a request asks for: weaker is refused by field, anything else ignored.</summary>
public class PolicyEnforcementTests
{
    private const string Output = """
        "output": { "kind": "table", "measure": "count",
          "dimensions": [ { "name": "gemeente", "categories": ["A", "B", "C"], "total": "Totaal" } ],
          "cells": [ { "key": ["A"], "value": 9, "units": 9 }, { "key": ["B"], "value": 25, "units": 25 },
                     { "key": ["C"], "value": 40, "units": 40 }, { "key": ["Totaal"], "value": 74, "units": 74 } ] }
        """;

    private static string WithPolicy(string policy) => $$"""{ "policy": {{policy}}, {{Output}} }""";

    [Fact]
    public void CheckUnder_AuthorSwitchesRulesOffAndLowersMinUnits_IsRefusedNamingEveryField()
    {
        var e = Assert.Throws<PolicyRefusedException>(() =>
            OutputChecker.CheckUnder(WithPolicy("""{ "minUnits": 1, "dominance": null, "pPercent": null }"""), Policy.Default));

        Assert.Equal(["policy.dominance", "policy.minUnits", "policy.pPercent"], e.Weakenings.Select(w => w.Field).Order(StringComparer.Ordinal));
        Assert.Contains("1 is below the enforced 10", e.Weakenings.Single(w => w.Field == "policy.minUnits").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SamePolicyAskedOfTheCli_IsAppliedAsAsked()
    {
        // The CLI (a checker's tool) still checks under the request's own policy: A with 9 units is published.
        var result = OutputChecker.Check(WithPolicy("""{ "minUnits": 1, "dominance": null, "pPercent": null }"""));

        Assert.Equal(Verdict.Safe, result.Verdict);
    }

    [Fact]
    public void CheckUnder_StricterPolicyAsked_IsIgnoredAndTheEnforcedOneApplied()
    {
        var result = OutputChecker.CheckUnder(WithPolicy("""{ "minUnits": 50, "roundingBase": 100, "secondary": "fast" }"""), Policy.Default);

        Assert.Same(Policy.Default, result.Policy);
        Assert.Equal(Verdict.Protected, result.Verdict);
        Assert.Equal(40, result.Cells.Single(c => c.Key[0] == "C").Published); // rounded to 10, not 100; C (40 units) not suppressed
    }

    [Fact]
    public void CheckUnder_NoPolicy_UsesTheEnforcedOne()
    {
        var enforced = new Policy(minUnits: 15, roundingBase: 5);

        var result = OutputChecker.CheckUnder($$"""{ {{Output}} }""", enforced);

        Assert.Same(enforced, result.Policy);
        Assert.Contains(result.Cells, c => c.Key[0] == "A" && c.Status == CellStatus.Primary);
    }

    [Fact]
    public void ParseUnder_OmittedFieldsTakeTheEnforcedValues_NotTheContractDefaults()
    {
        // The enforced policy is stricter than the defaults; asking only for minUnits 15 weakens nothing else.
        var enforced = new Policy(minUnits: 15, dominance: new DominanceRule(3, 75m), pPercent: 20m);

        var request = RequestParser.ParseUnder(WithPolicy("""{ "minUnits": 15 }"""), enforced);

        Assert.Same(enforced, request.Policy);
    }

    [Theory]
    [InlineData("""{ "minUnits": 9 }""", "policy.minUnits")]
    [InlineData("""{ "roundingBase": 1 }""", "policy.roundingBase")]
    [InlineData("""{ "dominance": { "n": 1, "k": 85 } }""", "policy.dominance")]
    [InlineData("""{ "dominance": { "n": 2, "k": 90 } }""", "policy.dominance")]
    [InlineData("""{ "pPercent": 5 }""", "policy.pPercent")]
    [InlineData("""{ "minResidualDf": 0 }""", "policy.minResidualDf")]
    public void ParseUnder_OneWeakerField_IsRefusedNamingIt(string policy, string field)
    {
        var e = Assert.Throws<PolicyRefusedException>(() => RequestParser.ParseUnder(WithPolicy(policy), Policy.Default));

        Assert.Equal(field, Assert.Single(e.Weakenings).Field);
    }

    [Fact]
    public void WeakeningsAgainst_ZerosPublishedWhereTheFloorSuppressesThem_IsWeaker()
    {
        var weaker = Policy.Default.WeakeningsAgainst(new Policy(zerosDisclosive: true));

        Assert.Equal("policy.zerosDisclosive", Assert.Single(weaker).Field);
    }

    [Fact]
    public void WeakeningsAgainst_StricterOrEqualInEveryField_IsEmpty()
    {
        var stricter = new Policy(20, true, 20, MidpointPolicy.ToEven, new DominanceRule(3, 80m), 15m, 20, SecondaryMethod.Fast);

        Assert.Empty(stricter.WeakeningsAgainst(Policy.Default));
        Assert.Empty(Policy.Default.WeakeningsAgainst(Policy.Default));
    }

    [Theory]
    [InlineData("""{ "policy": { "minUnits": 10 }, "policy": { "minUnits": 1 }, "output": { "kind": "model", "observations": 100, "parameters": 2 } }""")]
    [InlineData("""{ "output": { "kind": "table", "measure": "count", "dimensions": [ { "name": "g", "categories": ["A"], "total": null } ], "cells": [ { "key": ["A"], "value": 9, "units": 9, "units": 90 } ] } }""")]
    public void Parse_DuplicateKey_IsInvalid(string json)
    {
        var e = Assert.Throws<InvalidRequestException>(() => RequestParser.Parse(json));

        Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
