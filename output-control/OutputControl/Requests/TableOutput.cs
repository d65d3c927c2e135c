namespace OutputControl.Requests;

/// <summary>A validated table of 1 to 4 dimensions. Absent inner cells are structural zeros; every margin
/// is present and equals the sum of the cells it covers.</summary>
public sealed record TableOutput(Measure Measure, IReadOnlyList<Dimension> Dimensions, IReadOnlyList<CellInput> Cells) : Output;
