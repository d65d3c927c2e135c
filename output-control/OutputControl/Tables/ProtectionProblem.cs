using OutputControl.Rules;

namespace OutputControl.Tables;

/// <summary>A grid with the primary cells and their protection requirements: the input of secondary suppression
/// and of the audit.</summary>
internal sealed class ProtectionProblem
{
    public ProtectionProblem(TableGrid grid, bool[] primary, ProtectionRequirement[] requirement)
    {
        Grid = grid;
        Primary = primary;
        Requirement = requirement;
        Primaries = Enumerable.Range(0, grid.Count).Where(c => primary[c]).ToArray();
    }

    public TableGrid Grid { get; }

    public bool[] Primary { get; }

    public ProtectionRequirement[] Requirement { get; }

    public int[] Primaries { get; }

    /// <summary>A cell with exactly one unit: its owner knows its value.</summary>
    public bool IsSingleton(int cell) => Grid.Units[cell] == 1;
}
