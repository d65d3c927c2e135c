using OutputControl.Requests;

namespace OutputControl.Tests.Hierarchies;

public class HierarchyParsingTests
{
    private static string Request(string parents, string w1 = "12") => $$"""
        { "output": { "kind": "table", "measure": "count",
          "dimensions": [ { "name": "gebied", "categories": ["W1", "B1", "B2", "B3"], "total": "NL", "parents": {{parents}} } ],
          "cells": [ { "key": ["W1"], "value": {{w1}}, "units": 12 }, { "key": ["B1"], "value": 5, "units": 5 },
                     { "key": ["B2"], "value": 7, "units": 7 }, { "key": ["B3"], "value": 30, "units": 30 },
                     { "key": ["NL"], "value": 42, "units": 42 } ] } }
        """;

    private const string Good = """{ "B1": "W1", "B2": "W1" }""";

    private static InvalidRequestException Invalid(string json) => Assert.Throws<InvalidRequestException>(() => RequestParser.Parse(json));

    [Fact]
    public void Parse_Hierarchy_KeepsParentsAndOldRequestsStayFlat()
    {
        var table = Assert.IsType<TableOutput>(RequestParser.Parse(Request(Good)).Output);

        Assert.Equal("W1", table.Dimensions[0].Parents!["B1"]);
        Assert.True(table.Dimensions[0].IsHierarchical);
        Assert.False(Assert.IsType<TableOutput>(RequestParser.Parse(Request("null", w1: "12").Replace("\"value\": 42", "\"value\": 54", StringComparison.Ordinal)).Output).Dimensions[0].IsHierarchical);
    }

    [Fact]
    public void Parse_SubtotalThatDoesNotAddUp_NamesTheSubtotal()
    {
        var e = Invalid(Request(Good, w1: "13").Replace("\"value\": 42", "\"value\": 43", StringComparison.Ordinal));

        Assert.Equal("cells[0].value: subtotal 'W1' of 'gebied' ['W1']=13 but its cells sum to 12", e.Message);
    }

    [Theory]
    [InlineData("""{ "B1": "W1", "B2": "W1", "B9": "W1" }""", "dimensions[0].parents.B9: 'B9' is not a category of 'gebied'")]
    [InlineData("""{ "B1": "W9", "B2": "W1" }""", "dimensions[0].parents.B1: parent 'W9' is not a category of 'gebied'")]
    [InlineData("""{ "B1": "NL", "B2": "W1" }""", "dimensions[0].parents.B1: name no parent for a top-level category: 'NL' is the total, which holds every category without a parent")]
    [InlineData("""{ "NL": "W1" }""", "dimensions[0].parents.NL: the total 'NL' has no parent")]
    [InlineData("""{ "B1": "W1", "B2": "W1", "W1": "B1" }""", "dimensions[0].parents.W1: 'W1' is its own ancestor")]
    [InlineData("""{ "B1": 7 }""", "dimensions[0].parents.B1: must be a string, got 7")]
    [InlineData("""[ "B1" ]""", "dimensions[0].parents: must be an object, got an array")]
    public void Parse_BadHierarchy_NamesFieldAndProblem(string parents, string expected)
    {
        Assert.Equal(expected, Invalid(Request(parents)).Message);
    }

    [Fact]
    public void Parse_MissingSubtotalCell_IsInvalid()
    {
        var json = Request(Good).Replace("""{ "key": ["W1"], "value": 12, "units": 12 }, """, string.Empty, StringComparison.Ordinal);

        Assert.Equal("cells: margin cell ['W1'] is missing", Invalid(json).Message);
    }
}
