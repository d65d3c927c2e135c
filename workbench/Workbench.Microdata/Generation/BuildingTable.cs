namespace Workbench.Microdata.Generation;

/// <summary>BAG verblijfsobjecten as column arrays, ordered by municipality and buurt; dwellings in address order.</summary>
internal sealed class BuildingTable(int count)
{
    /// <summary>Indices into <see cref="Schema.Vocabulary.BuildingUses"/>.</summary>
    public const byte Dwelling = 0, Industry = 1, Office = 2, Shop = 3, Assembly = 4, Lodging = 5, Education = 6, OtherUse = 7;

    /// <summary>Indices into <see cref="Schema.Vocabulary.OwnerTypes"/>.</summary>
    public const byte OwnerOccupier = 0, HousingCorporation = 1, PrivateLandlord = 2, CompanyOwner = 3, Government = 4;

    public readonly int Count = count;
    public readonly long[] BagId = new long[count];
    public readonly int[] Buurt = new int[count];
    public readonly byte[] Use = new byte[count];
    public readonly int[] Area = new int[count];
    public readonly short[] Year = new short[count];
    public readonly int[] Woz = new int[count];
    public readonly byte[] OwnerType = new byte[count];
    public readonly int[] OwnerPerson = new int[count];
    public readonly int[] OwnerCompany = new int[count];
    public readonly bool[] Vacant = new bool[count];
    public readonly ushort[] Street = new ushort[count];
    public readonly short[] HouseNumber = new short[count];
    public readonly short[] Pc4 = new short[count];
    public readonly ushort[] PostcodeLetters = new ushort[count];
}
