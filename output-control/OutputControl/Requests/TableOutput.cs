namespace OutputControl.Requests;

/// <summary>A validated table of 1 to 4 dimensions. Absent inner cells are structural zeros; every margin
/// is present and equals the sum of the cells it covers.</summary>
public sealed record TableOutput(Measure Measure, IReadOnlyList<Dimension> Dimensions, IReadOnlyList<CellInput> Cells) : Output
{
    /// <summary>What the table counts or sums over (e.g. "persons registered 2025"), or null when not said. Outputs
    /// of different populations are never linked or compared.</summary>
    public string? Population { get; init; }

    /// <summary>Whether two tables may describe the same units: the same measure and no different population.</summary>
    public bool SamePopulation(TableOutput other) =>
        Measure == other.Measure && (Population is null || other.Population is null || Population == other.Population);
}
