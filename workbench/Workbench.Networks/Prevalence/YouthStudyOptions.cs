using Workbench.Networks.Persons;

namespace Workbench.Networks.Prevalence;

/// <summary>Options of <see cref="YouthNetworkStudy"/>; defaults follow CBS practice for young drug suspects.</summary>
public sealed record YouthStudyOptions
{
    /// <summary>Year at whose end ages are taken.</summary>
    public required int ReferenceYear { get; init; }

    /// <summary>Youngest case and control age (CBS: 10 for drug suspects, 12 for youths in general).</summary>
    public int MinimumAge { get; init; } = 10;

    /// <summary>Oldest age (CBS: 23 for drug suspects, 26 for youths in general).</summary>
    public int MaximumAge { get; init; } = 23;

    /// <summary>What makes a youth a case.</summary>
    public RiskFactors CaseFactors { get; init; } = RiskFactors.DrugSuspect;

    /// <summary>Controls drawn per case within a stratum.</summary>
    public int ControlsPerCase { get; init; } = 5;

    /// <summary>Seed of the control draw.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Radii of the ego networks.</summary>
    public IReadOnlyList<int> Hops { get; init; } = [1, 2];

    /// <summary>The member risk factors compared.</summary>
    public IReadOnlyList<FactorSelection> Factors { get; init; } = FactorSelection.Standard;
}
