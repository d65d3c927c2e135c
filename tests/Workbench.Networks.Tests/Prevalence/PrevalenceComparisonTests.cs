using Workbench.Networks.Core;
using Workbench.Networks.Persons;
using Workbench.Networks.Prevalence;

namespace Workbench.Networks.Tests.Prevalence;

public sealed class PrevalenceComparisonTests : IDisposable
{
    private readonly SmallNetworks _networks = new();

    public void Dispose() => _networks.Dispose();

    /// <summary>Example network; vertex 2 convicted, vertex 3 a school drop-out, vertex 7 convicted.</summary>
    private (MultilayerNetwork, PersonAttributes) Example()
    {
        var network = _networks.Example();
        var factors = new RiskFactors[8];
        factors[2] = RiskFactors.Convicted;
        factors[3] = RiskFactors.SchoolDropout;
        factors[7] = RiskFactors.Convicted;
        return (network, new PersonAttributes(new short[8], new byte[8], new int[8], factors, []));
    }

    private static readonly FactorSelection[] Factors = [new("veroordeeld", RiskFactors.Convicted), new("uitval", RiskFactors.SchoolDropout)];

    [Fact]
    public void Compute_PerLayerAndRadius_CountsMembersAndFactors()
    {
        var (network, persons) = Example();
        var prevalence = EgoPrevalence.Compute(network, persons, [0, 6], LayerSelection.EachAndAll(network), [1, 2], Factors);
        var all = prevalence.Layers.Count - 1;
        Assert.Equal("alle", prevalence.Layers[all].Name);
        Assert.Equal(2, prevalence.Members(0, all, 0));            // ego 0, 1-hop: 1, 2
        Assert.Equal(3, prevalence.Members(0, all, 1));            // 2-hop: 1, 2, 3
        Assert.Equal(1 / 3.0, prevalence.Share(0, all, 1, 1), 12); // drop-out 3 among 1, 2, 3
        Assert.Equal(1, prevalence.Members(0, 1, 0));              // familie 1-hop: 1
        Assert.Equal(0, prevalence.Count(0, 1, 0, 0));
        Assert.Equal(1.0, prevalence.Share(1, all, 0, 0), 12);     // ego 6: member 7 convicted
        Assert.True(double.IsNaN(prevalence.Share(1, 0, 0, 0)));   // ego 6 has no household network
    }

    [Fact]
    public void Compare_HandComputedGroups_GivesCountsSharesAndRatios()
    {
        var (network, persons) = Example();
        LayerSelection[] layers = [new("alle", LayerMask.All)];
        // Cases 0 and 4 (1-hop convicted shares 1/2 and 0); controls 1 (1/2), 3 (1/2) and 5 (no network), weights 1.
        var cases = EgoPrevalence.Compute(network, persons, [0, 4], layers, [1], Factors);
        var controls = EgoPrevalence.Compute(network, persons, [1, 3, 5], layers, [1], Factors);
        var table = PrevalenceComparison.Compare(cases, controls, [1.0, 1.0, 1.0]);
        Assert.Equal(2, table.Rows.Count);
        var row = table.Rows[0];
        Assert.Equal("veroordeeld", row["factor"]);
        Assert.Equal(2, row["case_egos"]);
        Assert.Equal(2, row["case_egos_with_network"]);
        Assert.Equal(1, row["case_egos_with_factor"]);
        Assert.Equal(3L, row["case_members"]);
        Assert.Equal(1L, row["case_members_with_factor"]);
        Assert.Equal(3, row["control_egos"]);
        Assert.Equal(2, row["control_egos_with_network"]);
        Assert.Equal(0.25, (double)row["case_mean_share"]!, 12);
        Assert.Equal(0.5, (double)row["control_mean_share"]!, 12);
        Assert.Equal(0.5, (double)row["share_ratio"]!, 12);
        Assert.Equal(0.5, (double)row["case_any_share"]!, 12);
        Assert.Equal(1.0, (double)row["control_any_share"]!, 12);
        Assert.Equal(0.5, (double)row["any_ratio"]!, 12);
        // Cases 1/2 and 0: var(mean) = (0.25² + 0.25²)/4; controls identical → var 0; se = √(0.03125/0.0625) = √0.5.
        Assert.Equal(0.5 * Math.Exp(-RiskRatio.Z95 * Math.Sqrt(0.5)), (double)row["share_ratio_low"]!, 12);
    }

    [Fact]
    public void Compare_DifferentSelections_Throws()
    {
        var (network, persons) = Example();
        var cases = EgoPrevalence.Compute(network, persons, [0], [new("alle", LayerMask.All)], [1], Factors);
        var controls = EgoPrevalence.Compute(network, persons, [1], [new("alle", LayerMask.All)], [2], Factors);
        Assert.Throws<ArgumentException>(() => PrevalenceComparison.Compare(cases, controls, [1.0]));
    }
}
