using Workbench.Microdata.Geography;

namespace Workbench.Microdata.Generation;

/// <summary>Everything generated so far, shared by the stages and the writers.</summary>
internal sealed class SyntheticWorld
{
    public required GeneratorOptions Options { get; init; }

    public required NationalGeography Geography { get; init; }

    public required PersonTable Persons { get; init; }

    public required HouseholdTable Households { get; init; }

    public required BuildingTable Buildings { get; init; }

    /// <summary>Index ranges per municipality (length municipalities + 1): persons, households, buildings.</summary>
    public required int[] PersonStart { get; init; }

    public required int[] HouseholdStart { get; init; }

    public required int[] BuildingStart { get; init; }

    public CompanyTable Companies { get; set; } = new(0);

    public int[] CompanyStart { get; set; } = [];

    /// <summary>Officers per municipality partition, in company order.</summary>
    public OfficerBuffer[] Officers { get; set; } = [];

    public NetworkLinks Network { get; set; } = null!;

    public CrimeLedger Crime { get; set; } = null!;

    public int ReferenceDay => Options.ReferenceDate.DayNumber;

    /// <summary>Age in whole years on the reference date.</summary>
    public int Age(int person) => Persons.Age(person, Options.ReferenceDate);

    public int MunicipalityOfPerson(int person)
    {
        var m = Array.BinarySearch(PersonStart, person);
        if (m < 0) m = ~m - 1;
        while (m + 1 < PersonStart.Length && PersonStart[m + 1] == person) m++;
        return m;
    }

    public static int[] Starts(int municipalities, int count, Func<int, int> municipalityOf)
    {
        var starts = new int[municipalities + 1];
        for (var i = 0; i < count; i++) starts[municipalityOf(i) + 1]++;
        for (var m = 0; m < municipalities; m++) starts[m + 1] += starts[m];
        return starts;
    }
}

/// <summary>KvK officers of one partition.</summary>
internal sealed class OfficerBuffer
{
    public Grow<int> Company = new(16);
    public Grow<int> Person = new(16);
    public Grow<byte> Role = new(16);
    public Grow<int> SinceDay = new(16);
}
