namespace Workbench.Microdata.Generation;

/// <summary>Households as column arrays. A household's persons are contiguous, starting at <see cref="FirstPerson"/>.</summary>
internal sealed class HouseholdTable(int count)
{
    public const byte Single = 0, Couple = 1, CoupleWithChildren = 2, SingleParent = 3, Other = 4;

    public readonly int Count = count;
    public readonly int[] FirstPerson = new int[count];
    public readonly byte[] Size = new byte[count];
    public readonly byte[] Type = new byte[count];
    public readonly int[] Dwelling = new int[count];

    /// <summary>Latent risk multiplier of the household (a family's shared risk cluster), around 1.</summary>
    public readonly float[] Risk = new float[count];

    public readonly long[] DisposableIncome = new long[count];
}
