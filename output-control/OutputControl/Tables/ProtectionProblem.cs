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

    /// <summary>
    /// Whether the owner of singleton <paramref name="owner"/> is an attacker of primary <paramref name="p"/>: the
    /// owner knows its own cell, and learns about others in <paramref name="p"/> — unless every unit of
    /// <paramref name="p"/> is the owner itself: when the owner's cell contains <paramref name="p"/> (on every
    /// dimension the same category or an ancestor of it), or lies inside a <paramref name="p"/> of one unit (a wijk
    /// with a single buurt). Narrowing <paramref name="p"/> then tells the owner only what it already knows.
    /// </summary>
    public bool IsOwnerAttack(int owner, int p)
    {
        if (owner == p || !IsSingleton(owner))
        {
            return false;
        }

        return !Contains(owner, p) && !(Grid.Units[p] <= 1 && Contains(p, owner));
    }

    /// <summary>Whether cell <paramref name="outer"/> holds every unit of cell <paramref name="inner"/>: on every
    /// dimension the same category or an ancestor of it.</summary>
    private bool Contains(int outer, int inner)
    {
        for (var d = 0; d < Grid.Dimensions; d++)
        {
            var o = Grid.Coord(outer, d);
            var parent = Grid.Hierarchy[d].Parent;
            var c = Grid.Coord(inner, d);
            while (c >= 0 && c != o)
            {
                c = parent[c];
            }

            if (c < 0)
            {
                return false;
            }
        }

        return true;
    }
}
