using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Generation.Output;

/// <summary>CBS areas and households, BAG objects, BRP persons and Belastingdienst incomes.</summary>
internal static class PopulationFiles
{
    private static readonly byte[][] HouseholdTypes = Utf8Table.Encode(Vocabulary.HouseholdTypes);
    private static readonly byte[][] Uses = Utf8Table.Encode(Vocabulary.BuildingUses);
    private static readonly byte[][] Owners = Utf8Table.Encode(Vocabulary.OwnerTypes);
    private static readonly byte[][] Sex = Utf8Table.Encode(Vocabulary.Sex);
    private static readonly byte[][] FirstNames = Utf8Table.Encode(Names.FirstNames);
    private static readonly byte[][] FirstNamesSpaced = Utf8Table.Encode(Names.FirstNames.Select(n => " " + n));
    private static readonly byte[][] Surnames = Utf8Table.Encode(Names.SurnameTable);
    private static readonly byte[][] Streets = Utf8Table.Encode(StreetNames.All);
    private static readonly byte[][] Letters = Utf8Table.Encode(StreetNames.PostcodeLetters);

    public static void Areas(SyntheticWorld world, Utf8RowWriter w)
    {
        var geo = world.Geography;
        foreach (var b in geo.Buurten)
        {
            var wijk = geo.Wijken[b.Wijk];
            var muni = geo.Municipalities[b.Municipality];
            w.Text(b.CodeText);
            w.Text(b.Name);
            w.Text(wijk.CodeText);
            w.Text(wijk.Name);
            w.Text(muni.CodeText);
            w.Text(muni.Name);
            w.Number(b.Urbanity);
            w.EndRow();
        }
    }

    public static void Households(SyntheticWorld world, Utf8RowWriter w)
    {
        var h = world.Households;
        var ids = new RecordIds(world.Options.Seed);
        for (var i = 0; i < h.Count; i++)
        {
            w.Number(ids.Household(i));
            w.Utf8(HouseholdTypes[h.Type[i]]);
            w.Number(h.Size[i]);
            w.Number(h.DisposableIncome[i]);
            w.EndRow();
        }
    }

    public static void Buildings(SyntheticWorld world, Utf8RowWriter w)
    {
        var b = world.Buildings;
        var persons = world.Persons;
        var companies = world.Companies;
        var buurtCodes = Utf8Table.Encode(world.Geography.Buurten.Select(x => x.CodeText));
        for (var i = 0; i < b.Count; i++)
        {
            w.Padded(b.BagId[i], 16);
            Address(w, b, i);
            w.Utf8(buurtCodes[b.Buurt[i]]);
            w.Utf8(Uses[b.Use[i]]);
            w.Number(b.Area[i]);
            w.Number(b.Year[i]);
            w.Number(b.Woz[i]);
            w.Utf8(Owners[b.OwnerType[i]]);
            if (b.OwnerPerson[i] >= 0) w.Padded(persons.Bsn[b.OwnerPerson[i]], 9);
            else w.Empty();
            if (b.OwnerCompany[i] >= 0) w.Padded(companies.Kvk[b.OwnerCompany[i]], 8);
            else w.Empty();
            w.Flag(b.Vacant[i]);
            w.EndRow();
        }
    }

    /// <summary>straat; huisnummer; postcode of a BAG object.</summary>
    public static void Address(Utf8RowWriter w, BuildingTable b, int i)
    {
        w.Utf8(Streets[b.Street[i]]);
        w.Number(b.HouseNumber[i]);
        w.Padded(b.Pc4[i], 4);
        // The postcode is one field: four digits and two letters without a space.
        w.AppendToField(Letters[b.PostcodeLetters[i]]);
    }

    public static void Persons(SyntheticWorld world, Utf8RowWriter w)
    {
        var p = world.Persons;
        var h = world.Households;
        var b = world.Buildings;
        var ids = new RecordIds(world.Options.Seed);
        for (var i = 0; i < p.Count; i++)
        {
            w.Padded(p.Bsn[i], 9);
            w.Utf8(FirstNames[p.FirstName[i]]);
            if (p.SecondName[i] != ushort.MaxValue && p.SecondName[i] != p.FirstName[i]) w.AppendToField(FirstNamesSpaced[p.SecondName[i]]);
            w.Utf8(Surnames[p.Surname[i]]);
            w.Date(p.BirthDay[i]);
            w.Utf8(Sex[p.Sex[i]]);
            var household = p.Household[i];
            var dwelling = h.Dwelling[household];
            w.Padded(b.BagId[dwelling], 16);
            Address(w, b, dwelling);
            w.Number(ids.Household(household));
            w.EndRow();
        }
    }

    public static void Incomes(SyntheticWorld world, Utf8RowWriter w)
    {
        var p = world.Persons;
        var year = world.Options.ReferenceDate.Year;
        for (var i = 0; i < p.Count; i++)
        {
            if (world.Age(i) < 18) continue;
            w.Padded(p.Bsn[i], 9);
            w.Number(year);
            w.Number(p.Income[i]);
            w.EndRow();
        }
    }
}
