using Workbench.Networks.Persons;

namespace Workbench.Networks.Prevalence;

/// <summary>A named risk factor for result tables; a member has it when it has any of <paramref name="Factors"/>.</summary>
/// <param name="Name">The label in result tables.</param>
/// <param name="Factors">The risk factor bits.</param>
public sealed record FactorSelection(string Name, RiskFactors Factors)
{
    /// <summary>The CBS factors of network members: suspect of a high-impact or drug crime, convicted, drop-out, debts.</summary>
    public static IReadOnlyList<FactorSelection> Standard { get; } =
    [
        new("verdachte_hic_drugs", RiskFactors.HighImpactOrDrugSuspect),
        new("veroordeeld", RiskFactors.Convicted),
        new("voortijdig_schoolverlaten", RiskFactors.SchoolDropout),
        new("problematische_schulden", RiskFactors.ProblematicDebt),
    ];
}
