using OutputControl.Requests;

namespace OutputControl.Tests.Requests;

public class RequestParserTests
{
    private static string TwoWay(string cells, string policy = "{}") => $$"""
        { "policy": {{policy}}, "output": { "kind": "table", "measure": "count",
          "dimensions": [ { "name": "wijk", "categories": ["Noord", "Oost"], "total": null },
                          { "name": "geslacht", "categories": ["m", "v"], "total": "Totaal" } ],
          "cells": [ {{cells}} ] } }
        """;

    private const string Good = """
        { "key": ["Noord","m"], "value": 40, "units": 40 }, { "key": ["Noord","v"], "value": 36, "units": 36 },
        { "key": ["Noord","Totaal"], "value": 76, "units": 76 }, { "key": ["Oost","Totaal"], "value": 0, "units": 0 }
        """;

    private static InvalidRequestException Invalid(string json) => Assert.Throws<InvalidRequestException>(() => RequestParser.Parse(json));

    [Fact]
    public void Parse_ValidTable_Succeeds()
    {
        var request = RequestParser.Parse(TwoWay(Good));

        var table = Assert.IsType<TableOutput>(request.Output);
        Assert.Equal(4, table.Cells.Count);
        Assert.Equal(Policy.Default, request.Policy);
    }

    [Fact]
    public void Parse_UnknownCategory_NamesCellAndDimension()
    {
        var e = Invalid(TwoWay(Good + """, { "key": ["Zuid","m"], "value": 1, "units": 1 }"""));

        Assert.Equal("cells[4].key: unknown category 'Zuid' for dimension 'wijk'", e.Message);
        Assert.Equal("cells[4].key", e.Field);
    }

    [Fact]
    public void Parse_MarginThatDoesNotAddUp_SaysRowTotal()
    {
        var e = Invalid(TwoWay(Good.Replace("\"value\": 76, \"units\": 76", "\"value\": 73, \"units\": 73", StringComparison.Ordinal)));

        Assert.Equal("cells[2].value: row total ['Noord','Totaal']=73 but its cells sum to 76", e.Message);
    }

    [Theory]
    [InlineData("""{ "key": ["Noord","m"], "value": 1, "units": 1 }""", "cells[4].key: duplicate cell ['Noord','m'] (also cells[0])")]
    [InlineData("""{ "key": ["Oost"], "value": 1, "units": 1 }""", "cells[4].key: has 1 labels but the table has 2 dimensions")]
    [InlineData("""{ "key": ["Oost","m"], "value": -1, "units": 0 }""", "cells[4].value: must not be negative, got -1")]
    [InlineData("""{ "key": ["Oost","m"], "value": "NaN", "units": 0 }""", "cells[4].value: must be a finite number, got NaN")]
    [InlineData("""{ "key": ["Oost","m"], "value": 3, "units": 5 }""", "cells[4].units: 5 units exceed the count 3")]
    [InlineData("""{ "key": ["Oost","m"], "value": 2.5, "units": 1 }""", "cells[4].value: a count must be a whole number, got 2.5")]
    public void Parse_BadCell_NamesFieldAndProblem(string extra, string expected) =>
        Assert.Equal(expected, Invalid(TwoWay(Good + ", " + extra)).Message);

    [Fact]
    public void Parse_MalformedJson_GivesPosition()
    {
        var e = Invalid("{\n  \"output\": [1,\n");

        Assert.StartsWith("$: malformed JSON at line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Infinity_IsMalformedJson() => Assert.Contains("malformed JSON", Invalid(TwoWay(Good, """{ "minUnits": Infinity }""")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("""{ "minunits": 5 }""", "policy.minunits: unknown field")]
    [InlineData("""{ "minUnits": 0 }""", "policy.minUnits: must be at least 1, got 0")]
    [InlineData("""{ "secondary": "greedy" }""", "policy.secondary: unknown value 'greedy' (expected 'optimal' or 'fast')")]
    [InlineData("""{ "dominance": { "n": 2, "k": 120 } }""", "policy.dominance.k: must be in (0, 100], got 120")]
    public void Parse_BadPolicy_NamesField(string policy, string expected) =>
        Assert.Equal(expected, Invalid(TwoWay(Good, policy)).Message);

    [Fact]
    public void Parse_NullRules_SwitchThemOff()
    {
        var request = RequestParser.Parse(TwoWay(Good, """{ "dominance": null, "pPercent": null, "midpointRounding": "toEven" }"""));

        Assert.Null(request.Policy.Dominance);
        Assert.Null(request.Policy.PPercent);
        Assert.Equal(MidpointPolicy.ToEven, request.Policy.MidpointRounding);
    }

    [Fact]
    public void Parse_ContributionsNotSummingToValue_IsInvalid()
    {
        const string json = """
            { "output": { "kind": "table", "measure": "sum", "dimensions": [ { "name": "s", "categories": ["A"], "total": null } ],
              "cells": [ { "key": ["A"], "value": 100, "units": 2, "contributions": [60, 30] } ] } }
            """;

        Assert.Equal("cells[0].contributions: contributions sum to 90 but the value is 100", Invalid(json).Message);
    }

    [Fact]
    public void Parse_MissingMargin_IsInvalid() =>
        Assert.Equal("cells: margin cell ['Oost','Totaal'] is missing", Invalid(TwoWay(Good.Split(", { \"key\": [\"Oost\"")[0])).Message);

    [Fact]
    public void Parse_Model_ReadsObservationsAndParameters()
    {
        var request = RequestParser.Parse("""{ "output": { "kind": "model", "observations": 50, "parameters": 4 } }""");

        Assert.Equal(46, Assert.IsType<ModelOutput>(request.Output).ResidualDf);
    }
}
