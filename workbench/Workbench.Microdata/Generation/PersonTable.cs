namespace Workbench.Microdata.Generation;

/// <summary>Persons as column arrays (one entry per person, ordered by municipality, buurt, address, household).</summary>
internal sealed class PersonTable(int count)
{
    public const byte Head = 0, Partner = 1, Child = 2, Housemate = 3;

    public readonly int Count = count;
    public readonly int[] Bsn = new int[count];
    public readonly int[] BirthDay = new int[count];
    public readonly byte[] Sex = new byte[count];
    public readonly byte[] Role = new byte[count];
    public readonly int[] Household = new int[count];
    public readonly ushort[] FirstName = new ushort[count];
    public readonly ushort[] SecondName = new ushort[count];
    public readonly ushort[] Surname = new ushort[count];
    public readonly int[] Employer = new int[count];
    public readonly int[] Wage = new int[count];
    public readonly short[] JobStartYear = new short[count];
    public readonly int[] Income = new int[count];
    public readonly byte[] Flags = new byte[count];

    /// <summary>Bits of <see cref="Flags"/>.</summary>
    public const byte Dropout = 1, Debt = 2, YouthCare = 4, Convicted = 8, DrugSuspect = 16, Suspect = 32, Officer = 64;

    /// <summary>Age in whole years on the reference date.</summary>
    public int Age(int person, DateOnly reference)
    {
        var birth = DateOnly.FromDayNumber(BirthDay[person]);
        var age = reference.Year - birth.Year;
        if (reference.Month < birth.Month || (reference.Month == birth.Month && reference.Day < birth.Day)) age--;
        return age;
    }
}
