using OutputControl.Noise;
using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests.Noise;

/// <summary><c>policy.cellKey</c>: parsing, validation and the server's enforced policy.</summary>
public class CellKeyPolicyTests
{
    private const string Output = """
        "output": { "kind": "table", "measure": "count",
          "dimensions": [ { "name": "gemeente", "categories": ["A", "B"], "total": "Totaal" } ],
          "cells": [ { "key": ["A"], "value": 9, "units": 9, "cellKey": 0.1 }, { "key": ["B"], "value": 25, "units": 25, "cellKey": 0.5 },
                     { "key": ["Totaal"], "value": 34, "units": 34, "cellKey": 0.6 } ] }
        """;

    private static readonly Policy Enabled = new(cellKey: new CellKeyPolicy(3, 2m));

    private static string WithPolicy(string policy) => $$"""{ "policy": {{policy}}, {{Output}} }""";

    [Theory]
    [InlineData("""{ "maxNoise": 0, "variance": 1 }""", "policy.cellKey.maxNoise: must be a whole number from 1 to 100, got 0")]
    [InlineData("""{ "maxNoise": 101, "variance": 1 }""", "policy.cellKey.maxNoise: must be a whole number from 1 to 100, got 101")]
    [InlineData("""{ "maxNoise": 2.5, "variance": 1 }""", "policy.cellKey.maxNoise: must be a whole number, got 2.5")]
    [InlineData("""{ "maxNoise": 2, "variance": 0 }""", "policy.cellKey.variance: must be in (0, 4] (0 < V ≤ maxNoise²), got 0")]
    [InlineData("""{ "maxNoise": 2, "variance": 4.01 }""", "policy.cellKey.variance: must be in (0, 4] (0 < V ≤ maxNoise²), got 4.01")]
    [InlineData("""{ "maxNoise": 2 }""", "policy.cellKey.variance: is required")]
    [InlineData("""{ "variance": 1 }""", "policy.cellKey.maxNoise: is required")]
    [InlineData("""{ "maxNoise": 2, "variance": 1, "seed": 7 }""", "policy.cellKey.seed: unknown field")]
    [InlineData("""[2, 1]""", "policy.cellKey: must be an object, got an array")]
    public void Parse_BadCellKeyPolicy_IsInvalidNamingTheField(string cellKey, string message)
    {
        var e = Assert.Throws<InvalidRequestException>(() => RequestParser.Parse(WithPolicy($$"""{ "cellKey": {{cellKey}} }""")));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Parse_CellKeyPolicy_IsRead()
    {
        var request = RequestParser.Parse(WithPolicy("""{ "cellKey": { "maxNoise": 4, "variance": 2.5 } }"""));

        Assert.Equal(new CellKeyPolicy(4, 2.5m), request.Policy.CellKey);
    }

    [Fact]
    public void Parse_NoCellKey_IsSuppressionAsBefore()
    {
        Assert.Null(RequestParser.Parse(WithPolicy("{}")).Policy.CellKey);
        Assert.Null(RequestParser.Parse(WithPolicy("""{ "cellKey": null }""")).Policy.CellKey);
        Assert.Null(Policy.Default.CellKey);
    }

    [Fact]
    public void ParseUnder_CellKeyAskedButNotEnabled_IsRefused()
    {
        var e = Assert.Throws<PolicyRefusedException>(() =>
            RequestParser.ParseUnder(WithPolicy("""{ "cellKey": { "maxNoise": 3, "variance": 2 } }"""), Policy.Default));

        var weakening = Assert.Single(e.Weakenings);
        Assert.Equal("policy.cellKey", weakening.Field);
        Assert.Equal("cell-key noise is not enabled by the server", weakening.Problem);
    }

    [Theory]
    [InlineData("""{ "maxNoise": 2, "variance": 2 }""", "policy.cellKey.maxNoise", "2 is below the enforced 3")]
    [InlineData("""{ "maxNoise": 3, "variance": 1.5 }""", "policy.cellKey.variance", "1.5 is below the enforced 2")]
    public void ParseUnder_LessNoiseThanEnabled_IsRefused(string cellKey, string field, string problem)
    {
        var e = Assert.Throws<PolicyRefusedException>(() => RequestParser.ParseUnder(WithPolicy($$"""{ "cellKey": {{cellKey}} }"""), Enabled));

        var weakening = Assert.Single(e.Weakenings);
        Assert.Equal(field, weakening.Field);
        Assert.Equal(problem, weakening.Problem);
    }

    [Fact]
    public void ParseUnder_MoreNoiseThanEnabled_AppliesTheEnforcedParameters()
    {
        // One p-table for every release, so that the same cell keeps its noise: the enforced (D, V), not the asked.
        var request = RequestParser.ParseUnder(WithPolicy("""{ "cellKey": { "maxNoise": 5, "variance": 4 } }"""), Enabled);

        Assert.Same(Enabled, request.Policy);
    }

    [Fact]
    public void CheckUnder_EnabledButNotAsked_SuppressesAndRoundsAsBefore()
    {
        var result = OutputChecker.CheckUnder(WithPolicy("{}"), Enabled);

        Assert.Null(result.Policy.CellKey);
        Assert.Equal(Enabled.MinUnits, result.Policy.MinUnits);
        Assert.Equal(CellStatus.Primary, result.Cells[0].Status);
        Assert.All(result.Cells, c => Assert.Null(c.NoiseBound));
    }

    [Fact]
    public void CheckUnder_NoPolicyAtAllUnderEnabled_SuppressesAndRounds() =>
        Assert.Null(OutputChecker.CheckUnder($$"""{ {{Output}} }""", Enabled).Policy.CellKey);

    [Fact]
    public void CheckUnder_AskedAndEnabled_Noises()
    {
        var result = OutputChecker.CheckUnder(WithPolicy("""{ "cellKey": { "maxNoise": 3, "variance": 2 } }"""), Enabled);

        Assert.Same(Enabled, result.Policy);
        Assert.All(result.Cells, c => Assert.Equal(3, c.NoiseBound));
        Assert.Equal(CellStatus.Published, result.Cells[0].Status);
    }

    [Fact]
    public void WeakeningsAgainst_NoCellKeyUnderEnabled_IsNotWeaker() =>
        Assert.Empty(Policy.Default.WeakeningsAgainst(Enabled));

    [Fact]
    public void WithCellKey_Unchanged_IsTheSamePolicy() =>
        Assert.Same(Policy.Default, Policy.Default.WithCellKey(null));
}
