using Workbench.Microdata.Identifiers;

namespace Workbench.Microdata.Generation.Output;

/// <summary>Record identifiers that exist only in the files (household numbers, case numbers).</summary>
internal sealed class RecordIds(int seed)
{
    private const long HouseholdSpace = 9_000_000_000;
    private readonly (long A, long B) _household = AffinePermutation.Coefficients(HouseholdSpace, seed, 0x48);

    /// <summary>A unique ten-digit CBS household number.</summary>
    public long Household(int index) => 1_000_000_000 + AffinePermutation.Apply(index, _household.A, _household.B, HouseholdSpace);
}
