using Xunit.Abstractions;
using Microsoft.Data.Analysis;
using Workbench.Networks.Core;
using Workbench.Networks.Persons;
using Workbench.Networks.Prevalence;
using Workbench.Networks.Store;

namespace Workbench.Networks.Tests.EndToEnd;

public sealed class YouthNetworkStudyTests(GeneratedStoreFixture store, ITestOutputHelper output) : IClassFixture<GeneratedStoreFixture>
{
    private static readonly YouthStudyOptions Options = new() { ReferenceYear = GeneratedStoreFixture.ReferenceYear };

    private static DataFrameRow Row(DataFrame table, string layer, int hops, string factor) =>
        table.Rows.Single(r => (string)r["layer"] == layer && (int)r["hops"]! == hops && (string)r["factor"] == factor);

    [Fact]
    public void Build_FromStore_HasEveryPersonAndTheLinks()
    {
        using var connection = StoreNetworkLoader.Open(store.StorePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM persons), (SELECT count(DISTINCT least(person_a, person_b) || '-' || greatest(person_a, person_b)) FROM network_links)";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetInt64(0), store.Network.VertexCount);
        Assert.Equal(reader.GetInt64(1), store.Network.PairCount);
        Assert.Equal(["huishouden", "familie", "buren", "klasgenoten", "collegas"], store.Network.LayerNames);
    }

    [Fact]
    public void OpenOrBuild_FreshCache_OpensTheSameFile()
    {
        using var again = StoreNetworkLoader.OpenOrBuild(store.StorePath, store.CachePath);
        Assert.Equal(store.Network.EntryCount, again.EntryCount);
    }

    [Fact]
    public void Load_Attributes_HaveYoungDrugSuspectsAndConvictions()
    {
        var persons = store.Persons;
        var youngDrugSuspects = Enumerable.Range(0, persons.Count)
            .Count(v => persons.HasAny(v, RiskFactors.DrugSuspect) && persons.Age(v, GeneratedStoreFixture.ReferenceYear) is >= 10 and <= 23);
        Assert.InRange(youngDrugSuspects, 10, 2000);
        Assert.Contains(Enumerable.Range(0, persons.Count), v => persons.HasAny(v, RiskFactors.Convicted));
        Assert.All(Enumerable.Range(0, 100), v => Assert.StartsWith("GM", persons.Municipality(v), StringComparison.Ordinal));
    }

    [Fact]
    public void Run_PlantedSignal_ConvictedAndTroubledNetworksAreMoreCommonForYoungDrugSuspects()
    {
        var result = YouthNetworkStudy.Run(store.Network, store.Persons, Options);
        Assert.True(result.Sample.Cases.Length >= 10, $"only {result.Sample.Cases.Length} matched cases");
        Assert.True(result.Sample.Controls.Length >= result.Sample.Cases.Length);
        var convicted = Row(result.Comparison, "alle", 1, "veroordeeld");
        output.WriteLine($"cases {result.Sample.Cases.Length}, controls {result.Sample.Controls.Length}, unmatched {result.Sample.UnmatchedCases.Length}, strata {result.Sample.Strata}");
        foreach (var row in result.Comparison.Rows.Where(r => (string)r["layer"] == "alle"))
        {
            output.WriteLine($"{row["hops"]} {row["factor"]}: {row["case_mean_share"]:F4} vs {row["control_mean_share"]:F4}, ratio {row["share_ratio"]:F2} [{row["share_ratio_low"]:F2}, {row["share_ratio_high"]:F2}]");
        }
        Assert.True((double)convicted["share_ratio"]! >= 1.5, $"convicted share ratio {convicted["share_ratio"]}");
        Assert.True((double)convicted["share_ratio_low"]! > 1, $"convicted ratio interval starts at {convicted["share_ratio_low"]}");
        var dropout = Row(result.Comparison, "alle", 1, "voortijdig_schoolverlaten");
        var debt = Row(result.Comparison, "alle", 1, "problematische_schulden");
        Assert.True((double)dropout["share_ratio"]! > 1.2 || (double)debt["share_ratio"]! > 1.2,
            $"drop-out ratio {dropout["share_ratio"]}, debt ratio {debt["share_ratio"]}");
    }

    [Fact]
    public void Run_Table_HasEveryLayerRadiusAndFactorWithEgoCounts()
    {
        var result = YouthNetworkStudy.Run(store.Network, store.Persons, Options);
        Assert.Equal(6 * 2 * 4, result.Comparison.Rows.Count);
        foreach (var row in result.Comparison.Rows)
        {
            Assert.Equal(result.Sample.Cases.Length, (int)row["case_egos"]!);
            Assert.InRange((int)row["case_egos_with_factor"]!, 0, (int)row["case_egos_with_network"]!);
        }
        // Two hops reach at least as many members as one.
        Assert.True((long)Row(result.Comparison, "alle", 2, "veroordeeld")["case_members"]! >= (long)Row(result.Comparison, "alle", 1, "veroordeeld")["case_members"]!);
    }

    [Fact]
    public void Run_SameSeed_SameTable()
    {
        var first = YouthNetworkStudy.Run(store.Network, store.Persons, Options);
        var again = YouthNetworkStudy.Run(store.Network, store.Persons, Options);
        Assert.Equal(first.Sample.Controls, again.Sample.Controls);
        Assert.Equal(first.Comparison["share_ratio"].Cast<double?>(), again.Comparison["share_ratio"].Cast<double?>());
    }

    [Fact]
    public void Egos_OnGeneratedNetwork_TwoHopsContainOneHop()
    {
        var explorer = new Workbench.Networks.Egos.EgoExplorer(store.Network);
        for (var v = 0; v < store.Network.VertexCount; v += 997)
        {
            var one = explorer.Members(v, 1, LayerMask.All).ToHashSet();
            var two = explorer.Members(v, 2, LayerMask.All).ToHashSet();
            Assert.Equal(store.Network.Degree(v, LayerMask.All), one.Count);
            Assert.Subset(two, one);
        }
    }
}
