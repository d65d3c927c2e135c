using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Outputs.OutputBuilder;

namespace Workbench.Server.Tests.Outputs;

/// <summary>Cell-key noise: off unless the administrator enables it, and then only for outputs that ask for it.</summary>
public partial class OutputsApiTests
{
    private const string NoisedTable = """
        { "policy": { "cellKey": { "maxNoise": 2, "variance": 1 } },
          "output": { "kind": "table", "measure": "count",
            "dimensions": [ { "name": "gemeente", "categories": ["A", "B", "C"], "total": "Totaal" } ],
            "cells": [ { "key": ["A"], "value": 9, "units": 9, "cellKey": 0.95 }, { "key": ["B"], "value": 25, "units": 25, "cellKey": 0.5 },
                       { "key": ["C"], "value": 40, "units": 40, "cellKey": 0.02 }, { "key": ["Totaal"], "value": 74, "units": 74, "cellKey": 0.47 } ] } }
        """;

    private static readonly Dictionary<string, string> CellKeyEnabled = new()
    {
        ["DisclosurePolicy:CellKey:MaxNoise"] = "2",
        ["DisclosurePolicy:CellKey:Variance"] = "1",
    };

    [Fact]
    public async Task Submit_CellKeyAskedAndEnabled_PublishesEveryCellWithinItsNoiseBound()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite, CellKeyEnabled);

        var output = await s.SubmitAsync(NoisedTable);

        Assert.Equal("Protected", output.GetProperty("verdict").GetString());
        Assert.Equal(2, output.GetProperty("appliedPolicy").GetProperty("cellKey").GetProperty("maxNoise").GetInt32());
        var cells = output.GetProperty("checkResult").GetProperty("cells").EnumerateArray().ToList();
        decimal[] truth = [9, 25, 40, 74];
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.Equal("published", cells[i].GetProperty("status").GetString()); // A (9 units) too: noised, not suppressed
            Assert.Equal(2, cells[i].GetProperty("noiseBound").GetInt32());
            Assert.InRange(cells[i].GetProperty("published").GetDecimal(), truth[i] - 2, truth[i] + 2);
        }
    }

    [Fact]
    public async Task Submit_CellKeyAskedButNotEnabled_Is400AuditedAndStoresNothing()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);

        var response = await s.Author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", Body(NoisedTable), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("cell-key noise is not enabled by the server", problem.GetProperty("errors").GetProperty("request.policy.cellKey")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await InDbAsync(s.App, db => db.OutputRequests.CountAsync()));
        var refused = await InDbAsync(s.App, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.OutputPolicyRefused));
        Assert.Contains("policy.cellKey", refused.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_CellKeyEnabledButNotAsked_SuppressesAndRoundsAsBefore()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite, CellKeyEnabled);

        var output = await s.SubmitAsync(ProtectedTable);

        Assert.False(output.GetProperty("appliedPolicy").TryGetProperty("cellKey", out _));
        var cells = output.GetProperty("checkResult").GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal("primary", cells[0].GetProperty("status").GetString());
        Assert.False(cells[0].TryGetProperty("noiseBound", out _));
    }

    [Fact]
    public async Task Start_CellKeyVarianceAboveMaxNoiseSquared_FailsNamingTheField()
    {
        var e = await Assert.ThrowsAnyAsync<OptionsValidationException>(async () =>
        {
            await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
            {
                ["DisclosurePolicy:CellKey:MaxNoise"] = "2",
                ["DisclosurePolicy:CellKey:Variance"] = "5",
            });
        });

        Assert.Contains("policy.cellKey.variance", e.Message, StringComparison.Ordinal);
    }
}
