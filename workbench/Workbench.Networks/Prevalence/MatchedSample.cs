namespace Workbench.Networks.Prevalence;

/// <summary>
/// The result of stratified matching: the cases that found controls, their controls with weights that standardise
/// the controls to the cases' stratum distribution (stratum cases / stratum controls), and the cases left unmatched.
/// </summary>
/// <param name="Cases">Matched case vertices (distinct).</param>
/// <param name="Controls">Control vertices (distinct, never a case).</param>
/// <param name="ControlWeights">Weight per control, aligned with <paramref name="Controls"/>.</param>
/// <param name="UnmatchedCases">Cases whose stratum had no candidate.</param>
/// <param name="Strata">Number of strata with at least one matched case.</param>
public sealed record MatchedSample(int[] Cases, int[] Controls, double[] ControlWeights, int[] UnmatchedCases, int Strata)
{
    /// <summary>Weights of the cases (all 1).</summary>
    public double[] CaseWeights() => Enumerable.Repeat(1.0, Cases.Length).ToArray();
}
