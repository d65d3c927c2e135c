using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.Generation;

public sealed class NetworkTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    private readonly Delivery _delivery = fixture.Delivery;

    [Fact]
    public void Network_Links_HaveNoSelfLinksAndNoDuplicatePairsPerLayer()
    {
        var table = _delivery[Datasets.NetworkLinks];
        var seen = new HashSet<(string, string, string)>();
        foreach (var row in table.Rows)
        {
            Assert.NotEqual(row[0], row[1]);
            var pair = string.CompareOrdinal(row[0], row[1]) < 0 ? (row[0], row[1], row[2]) : (row[1], row[0], row[2]);
            Assert.True(seen.Add(pair), $"duplicate pair {pair}");
        }
    }

    [Fact]
    public void Network_AverageDegree_IsNearTheOption()
    {
        var degree = 2.0 * _delivery[Datasets.NetworkLinks].Rows.Count / _delivery.Options.Persons;
        Assert.InRange(degree, 0.85 * _delivery.Options.AverageDegree, 1.15 * _delivery.Options.AverageDegree);
    }

    [Fact]
    public void Network_HigherAverageDegreeOption_IsMet()
    {
        using var dense = new Delivery(10_000, seed: 5, averageDegree: 40);
        var degree = 2.0 * dense[Datasets.NetworkLinks].Rows.Count / 10_000;
        Assert.InRange(degree, 34, 46);
    }

    [Fact]
    public void Network_Layers_WorkIsLargestAndEveryLayerIsPresent()
    {
        var perLayer = _delivery[Datasets.NetworkLinks].Column("laag").GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Vocabulary.NetworkLayers, l => Assert.True(perLayer.GetValueOrDefault(l) > 0, $"layer {l} is empty"));
        Assert.Equal("collegas", perLayer.MaxBy(kv => kv.Value).Key);
        Assert.True(perLayer["buren"] > perLayer["familie"]);
    }

    [Fact]
    public void Network_HouseholdLinks_JoinMembersOfTheSameHousehold()
    {
        var household = _delivery[Datasets.Persons].Rows.ToDictionary(r => r[0], r => r[^1]);
        var table = _delivery[Datasets.NetworkLinks];
        Assert.All(table.Rows.Where(r => r[2] == "huishouden"), r => Assert.Equal(household[r[0]], household[r[1]]));
        Assert.All(table.Rows.Where(r => r[2] is "familie" or "buren"), r => Assert.NotEqual(household[r[0]], household[r[1]]));
    }
}
