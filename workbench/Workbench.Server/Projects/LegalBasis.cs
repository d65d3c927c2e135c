namespace Workbench.Server.Projects;

/// <summary>The six lawful grounds of GDPR Article 6(1). Stored by name; the names are frozen.</summary>
public enum LegalBasis
{
    /// <summary>(a) Consent. Rarely valid for crime prevention: people cannot freely refuse, and it can be withdrawn.</summary>
    Consent,

    /// <summary>(b) Performance of a contract with the data subject.</summary>
    Contract,

    /// <summary>(c) A legal obligation of the controller.</summary>
    LegalObligation,

    /// <summary>(d) Vital interests of the data subject or another person.</summary>
    VitalInterests,

    /// <summary>(e) A task in the public interest or in the exercise of official authority (such as the CBS Act).</summary>
    PublicTask,

    /// <summary>(f) Legitimate interests; not available to public authorities for their tasks.</summary>
    LegitimateInterests,
}
