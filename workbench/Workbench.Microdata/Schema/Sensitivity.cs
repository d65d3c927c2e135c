namespace Workbench.Microdata.Schema;

/// <summary>How sensitive a column is, for the catalogue and for project allowlists. Stored values are frozen.</summary>
public enum Sensitivity
{
    /// <summary>Public reference data (area codes and names, branch codes).</summary>
    Public,

    /// <summary>A pseudonymised key: linkable inside a project, never outside it.</summary>
    Pseudonym,

    /// <summary>A coarsened attribute that could help re-identify someone in combination (birth year, buurt).</summary>
    QuasiIdentifier,

    /// <summary>Confidential attributes (income, debts, youth care, building value).</summary>
    Confidential,

    /// <summary>Criminal-law data (GDPR Art. 10): suspicions, convictions, dismantlings, FIU reports.</summary>
    CriminalData,

    /// <summary>A direct identifier in the raw delivery. Never enters the store.</summary>
    DirectIdentifier,
}
