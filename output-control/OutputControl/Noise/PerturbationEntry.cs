namespace OutputControl.Noise;

/// <summary>
/// One possible noise of a row of the <see cref="PerturbationTable"/>: a cell whose key lies in
/// [<see cref="Lower"/>, <see cref="Upper"/>) gets <see cref="Noise"/>; the interval's length is its probability.
/// </summary>
/// <param name="Noise">What is added to the count.</param>
/// <param name="Probability">Upper − Lower.</param>
/// <param name="Lower">Inclusive lower end of the cell keys that get this noise.</param>
/// <param name="Upper">Exclusive upper end; the last entry of a row ends at 1.</param>
public sealed record PerturbationEntry(int Noise, decimal Probability, decimal Lower, decimal Upper);
