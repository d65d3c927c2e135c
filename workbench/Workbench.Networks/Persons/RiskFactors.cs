namespace Workbench.Networks.Persons;

/// <summary>
/// Risk factors of a person, as bits so that a network member's factors are one byte. Stored per vertex in
/// <see cref="PersonAttributes"/>; the values are frozen (they index result tables).
/// </summary>
[Flags]
public enum RiskFactors : byte
{
    /// <summary>No risk factor.</summary>
    None = 0,

    /// <summary>Suspect of a high-impact crime (<c>hic_*</c> offence) in the suspects register.</summary>
    HighImpactSuspect = 1,

    /// <summary>Suspect of a drug offence (<c>drugs_*</c>).</summary>
    DrugSuspect = 2,

    /// <summary>At least one conviction in <c>person_convictions</c>.</summary>
    Convicted = 4,

    /// <summary>Left school early without a basic qualification.</summary>
    SchoolDropout = 8,

    /// <summary>Registered problematic debts.</summary>
    ProblematicDebt = 16,

    /// <summary>Received youth care.</summary>
    YouthCare = 32,

    /// <summary>Suspect of a high-impact or drug crime: the CBS "suspect" risk factor of network members.</summary>
    HighImpactOrDrugSuspect = HighImpactSuspect | DrugSuspect,

    /// <summary>School drop-out or problematic debts (the generator's "trouble" share).</summary>
    DropoutOrDebt = SchoolDropout | ProblematicDebt,
}
