using Microsoft.Data.Analysis;

namespace Workbench.Networks.Prevalence;

/// <summary>
/// The comparison table of the dashboard question: per layer selection × radius × risk factor, how often the factor
/// occurs in the networks of the cases and of the (weighted) matched controls, and the ratio with its confidence
/// interval. Two measures: the mean share of network members with the factor, and the share of egos with at least one
/// such member. Egos with an empty network in a layer do not count for that row. Units are distinct egos: every row
/// carries the counts of egos behind each cell (with a network; with a member having the factor), so output control
/// can apply its minimum-units rules.
/// </summary>
public static class PrevalenceComparison
{
    /// <summary>Builds the table from case and control counts computed over the same selections.</summary>
    /// <exception cref="ArgumentException">When the two were computed over different selections.</exception>
    public static DataFrame Compare(EgoPrevalence cases, EgoPrevalence controls, IReadOnlyList<double> controlWeights, double z = RiskRatio.Z95)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(controlWeights);
        if (!cases.Layers.SequenceEqual(controls.Layers) || !cases.Hops.SequenceEqual(controls.Hops) || !cases.Factors.SequenceEqual(controls.Factors))
        {
            throw new ArgumentException("cases and controls were computed over different layers, radii or factors", nameof(controls));
        }
        if (controlWeights.Count != controls.Egos.Count) throw new ArgumentException($"{controlWeights.Count} weights for {controls.Egos.Count} controls", nameof(controlWeights));
        var caseWeights = Enumerable.Repeat(1.0, cases.Egos.Count).ToArray();
        var table = new Table();
        for (var l = 0; l < cases.Layers.Count; l++)
        {
            for (var h = 0; h < cases.Hops.Count; h++)
            {
                for (var f = 0; f < cases.Factors.Count; f++)
                {
                    var c = Group.Of(cases, caseWeights, l, h, f);
                    var k = Group.Of(controls, controlWeights, l, h, f);
                    var share = RiskRatio.FromWeightedMeans(c.Shares, c.Weights, k.Shares, k.Weights, z);
                    var any = RiskRatio.FromWeightedMeans(c.Any, c.Weights, k.Any, k.Weights, z);
                    table.Add(cases.Layers[l].Name, cases.Hops[h], cases.Factors[f].Name, c, k, share, any);
                }
            }
        }
        return table.ToDataFrame();
    }

    private sealed record Group(int Egos, int WithNetwork, int WithFactor, long Members, long MembersWithFactor, double[] Shares, double[] Any, double[] Weights)
    {
        public double MeanShare => RiskRatio.WeightedMean(Shares, Weights).Mean;

        public double AnyShare => RiskRatio.WeightedMean(Any, Weights).Mean;

        public static Group Of(EgoPrevalence prevalence, IReadOnlyList<double> weights, int layer, int hop, int factor)
        {
            List<double> shares = [], any = [], used = [];
            long members = 0, withFactor = 0;
            var egosWithFactor = 0;
            for (var e = 0; e < prevalence.Egos.Count; e++)
            {
                var size = prevalence.Members(e, layer, hop);
                if (size == 0) continue;
                var count = prevalence.Count(e, layer, hop, factor);
                members += size;
                withFactor += count;
                if (count > 0) egosWithFactor++;
                shares.Add(count / (double)size);
                any.Add(count > 0 ? 1 : 0);
                used.Add(weights[e]);
            }
            return new Group(prevalence.Egos.Count, shares.Count, egosWithFactor, members, withFactor, [.. shares], [.. any], [.. used]);
        }
    }

    private sealed class Table
    {
        private readonly List<string> _layer = [], _factor = [];
        private readonly List<int> _hops = [];
        private readonly List<Group> _cases = [], _controls = [];
        private readonly List<RiskRatio> _share = [], _any = [];

        public void Add(string layer, int hops, string factor, Group cases, Group controls, RiskRatio share, RiskRatio any)
        {
            _layer.Add(layer);
            _hops.Add(hops);
            _factor.Add(factor);
            _cases.Add(cases);
            _controls.Add(controls);
            _share.Add(share);
            _any.Add(any);
        }

        public DataFrame ToDataFrame() => new(
            new StringDataFrameColumn("layer", _layer),
            new Int32DataFrameColumn("hops", _hops),
            new StringDataFrameColumn("factor", _factor),
            new Int32DataFrameColumn("case_egos", _cases.Select(g => g.Egos)),
            new Int32DataFrameColumn("case_egos_with_network", _cases.Select(g => g.WithNetwork)),
            new Int32DataFrameColumn("case_egos_with_factor", _cases.Select(g => g.WithFactor)),
            new Int64DataFrameColumn("case_members", _cases.Select(g => g.Members)),
            new Int64DataFrameColumn("case_members_with_factor", _cases.Select(g => g.MembersWithFactor)),
            new DoubleDataFrameColumn("case_mean_share", _cases.Select(g => g.MeanShare)),
            new DoubleDataFrameColumn("case_any_share", _cases.Select(g => g.AnyShare)),
            new Int32DataFrameColumn("control_egos", _controls.Select(g => g.Egos)),
            new Int32DataFrameColumn("control_egos_with_network", _controls.Select(g => g.WithNetwork)),
            new Int32DataFrameColumn("control_egos_with_factor", _controls.Select(g => g.WithFactor)),
            new Int64DataFrameColumn("control_members", _controls.Select(g => g.Members)),
            new Int64DataFrameColumn("control_members_with_factor", _controls.Select(g => g.MembersWithFactor)),
            new DoubleDataFrameColumn("control_mean_share", _controls.Select(g => g.MeanShare)),
            new DoubleDataFrameColumn("control_any_share", _controls.Select(g => g.AnyShare)),
            new DoubleDataFrameColumn("share_ratio", _share.Select(r => r.Estimate)),
            new DoubleDataFrameColumn("share_ratio_low", _share.Select(r => r.Lower)),
            new DoubleDataFrameColumn("share_ratio_high", _share.Select(r => r.Upper)),
            new DoubleDataFrameColumn("any_ratio", _any.Select(r => r.Estimate)),
            new DoubleDataFrameColumn("any_ratio_low", _any.Select(r => r.Lower)),
            new DoubleDataFrameColumn("any_ratio_high", _any.Select(r => r.Upper)));
    }
}
