using Workbench.Networks.Core;
using Workbench.Networks.Egos;
using Workbench.Networks.Persons;

namespace Workbench.Networks.Tests.Egos;

public sealed class EgoExplorerTests : IDisposable
{
    private readonly SmallNetworks _networks = new();

    public void Dispose() => _networks.Dispose();

    [Theory]
    [InlineData(0, 1, "alle", new[] { 1, 2 })]
    [InlineData(0, 2, "alle", new[] { 1, 2, 3 })]
    [InlineData(4, 2, "alle", new[] { 2, 3 })]
    [InlineData(0, 1, "familie", new[] { 1 })]
    [InlineData(0, 2, "familie", new[] { 1, 2 })]
    [InlineData(1, 2, "huishouden", new[] { 0, 2 })]
    [InlineData(0, 2, "buren", new int[0])]
    [InlineData(5, 2, "alle", new int[0])]
    public void Members_LayerAndRadius_AreTheHandComputedSet(int ego, int hops, string layer, int[] expected)
    {
        var network = _networks.Example();
        var layers = layer == "alle" ? LayerMask.All : network.Layers(layer);
        var members = new EgoExplorer(network).Members(ego, hops, layers);
        Assert.Equal(expected, members.Order());
    }

    [Fact]
    public void Members_RepeatedQueries_DoNotLeakPreviousVisits()
    {
        var network = _networks.Example();
        var explorer = new EgoExplorer(network);
        explorer.Members(2, 2, LayerMask.All);
        Assert.Equal([7], explorer.Members(6, 2, LayerMask.All));
        Assert.False(explorer.WasReached(2));
    }

    [Fact]
    public void CountMembers_Factors_CountsMembersWithAnyBit()
    {
        var network = _networks.Example();
        var factors = new RiskFactors[8];
        factors[2] = RiskFactors.Convicted;
        factors[3] = RiskFactors.SchoolDropout | RiskFactors.DrugSuspect;
        factors[0] = RiskFactors.Convicted; // the ego itself never counts
        RiskFactors[] selections = [RiskFactors.Convicted, RiskFactors.DropoutOrDebt, RiskFactors.HighImpactOrDrugSuspect, RiskFactors.YouthCare];
        var counts = new int[4];
        var members = new EgoExplorer(network).CountMembers(0, 2, LayerMask.All, factors, selections, counts);
        Assert.Equal(3, members);
        Assert.Equal([1, 1, 1, 0], counts);
    }

    [Fact]
    public void Members_HopsOutOfRange_Throws()
    {
        var network = _networks.Example();
        Assert.Throws<ArgumentOutOfRangeException>(() => new EgoExplorer(network).Members(0, 3, LayerMask.All));
    }
}
