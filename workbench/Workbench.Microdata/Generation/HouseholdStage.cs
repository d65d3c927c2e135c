using Workbench.Microdata.Geography;

namespace Workbench.Microdata.Generation;

/// <summary>
/// Households, persons and BAG objects, generated per municipality in parallel (one random stream per municipality),
/// then stitched together in municipality order.
/// </summary>
internal static class HouseholdStage
{
    public static (PersonTable Persons, HouseholdTable Households, BuildingTable Buildings) Run(
        NationalGeography geo, int[] personsPerBuurt, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var municipalities = geo.Municipalities;
        var personStart = new int[municipalities.Length + 1];
        for (var m = 0; m < municipalities.Length; m++)
        {
            var total = 0;
            var muni = municipalities[m];
            for (var b = muni.FirstBuurt; b < muni.FirstBuurt + muni.BuurtCount; b++) total += personsPerBuurt[b];
            personStart[m + 1] = personStart[m] + total;
        }

        var persons = new PersonTable(personStart[^1]);
        var chunks = new (HouseholdTable H, int HCount, BuildingTable B, int BCount)[municipalities.Length];
        Parallel.For(0, municipalities.Length, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            var builder = new MunicipalityBuilder(geo, municipalities[m], personsPerBuurt, persons, personStart[m], options);
            chunks[m] = builder.Build();
        });

        var hOffset = new int[municipalities.Length + 1];
        var bOffset = new int[municipalities.Length + 1];
        for (var m = 0; m < municipalities.Length; m++)
        {
            hOffset[m + 1] = hOffset[m] + chunks[m].HCount;
            bOffset[m + 1] = bOffset[m] + chunks[m].BCount;
        }
        var households = new HouseholdTable(hOffset[^1]);
        var buildings = new BuildingTable(bOffset[^1]);
        Parallel.For(0, municipalities.Length, m =>
        {
            var (h, hc, b, bc) = chunks[m];
            var ho = hOffset[m];
            var bo = bOffset[m];
            Array.Copy(h.FirstPerson, 0, households.FirstPerson, ho, hc);
            Array.Copy(h.Size, 0, households.Size, ho, hc);
            Array.Copy(h.Type, 0, households.Type, ho, hc);
            Array.Copy(h.Risk, 0, households.Risk, ho, hc);
            for (var i = 0; i < hc; i++) households.Dwelling[ho + i] = h.Dwelling[i] + bo;
            for (var p = personStart[m]; p < personStart[m + 1]; p++) persons.Household[p] += ho;
            Array.Copy(b.BagId, 0, buildings.BagId, bo, bc);
            Array.Copy(b.Buurt, 0, buildings.Buurt, bo, bc);
            Array.Copy(b.Use, 0, buildings.Use, bo, bc);
            Array.Copy(b.Area, 0, buildings.Area, bo, bc);
            Array.Copy(b.Year, 0, buildings.Year, bo, bc);
            Array.Copy(b.Woz, 0, buildings.Woz, bo, bc);
            Array.Copy(b.OwnerType, 0, buildings.OwnerType, bo, bc);
            Array.Copy(b.OwnerPerson, 0, buildings.OwnerPerson, bo, bc);
            Array.Copy(b.OwnerCompany, 0, buildings.OwnerCompany, bo, bc);
            Array.Copy(b.Vacant, 0, buildings.Vacant, bo, bc);
            Array.Copy(b.Street, 0, buildings.Street, bo, bc);
            Array.Copy(b.HouseNumber, 0, buildings.HouseNumber, bo, bc);
            Array.Copy(b.Pc4, 0, buildings.Pc4, bo, bc);
            Array.Copy(b.PostcodeLetters, 0, buildings.PostcodeLetters, bo, bc);
            chunks[m] = default;
        });

        var bsns = Identifiers.Bsn.Generate(persons.Count, options.Seed);
        Array.Copy(bsns, persons.Bsn, persons.Count);
        return (persons, households, buildings);
    }

    /// <summary>Splits <paramref name="persons"/> over the buurten proportionally to their size (largest remainder).</summary>
    public static int[] Allocate(NationalGeography geo, int persons)
    {
        var buurten = geo.Buurten;
        double total = 0;
        foreach (var b in buurten) total += b.Population;
        var counts = new int[buurten.Length];
        var remainders = new double[buurten.Length];
        var order = new int[buurten.Length];
        var assigned = 0;
        for (var i = 0; i < buurten.Length; i++)
        {
            var exact = persons * buurten[i].Population / total;
            counts[i] = (int)exact;
            assigned += counts[i];
            remainders[i] = -(exact - counts[i]);
            order[i] = i;
        }
        Array.Sort(remainders, order);
        for (var k = 0; assigned < persons; k++, assigned++) counts[order[k]]++;
        return counts;
    }
}
