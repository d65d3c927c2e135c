using Microsoft.Data.Analysis;
using Workbench.Networks.Core;
using Workbench.Networks.Persons;

namespace Workbench.Networks.Prevalence;

/// <summary>
/// The dashboard question end to end: which risk factors occur more often in the networks of young suspects than in
/// the networks of comparable youths? Cases are persons of the case ages with the case factor (by default drug
/// suspects aged 10-23); controls are drawn from persons of the same birth year, sex and municipality without it.
/// </summary>
public static class YouthNetworkStudy
{
    /// <summary>Selects cases, matches controls and compares their ego networks.</summary>
    public static YouthStudyResult Run(MultilayerNetwork network, PersonAttributes persons, YouthStudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(options);
        List<int> cases = [], pool = [];
        for (var v = 0; v < persons.Count; v++)
        {
            if (persons.BirthYear(v) == 0) continue;
            var age = persons.Age(v, options.ReferenceYear);
            if (age < options.MinimumAge || age > options.MaximumAge) continue;
            if (persons.HasAny(v, options.CaseFactors)) cases.Add(v);
            else pool.Add(v);
        }
        var sample = StratifiedMatching.Match(cases, pool, persons.Stratum, options.ControlsPerCase, options.Seed);
        var layers = LayerSelection.EachAndAll(network);
        var caseCounts = EgoPrevalence.Compute(network, persons, sample.Cases, layers, options.Hops, options.Factors);
        var controlCounts = EgoPrevalence.Compute(network, persons, sample.Controls, layers, options.Hops, options.Factors);
        return new YouthStudyResult(sample, PrevalenceComparison.Compare(caseCounts, controlCounts, sample.ControlWeights));
    }
}
