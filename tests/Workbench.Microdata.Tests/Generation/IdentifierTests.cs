using System.Text.RegularExpressions;
using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.Generation;

public sealed partial class IdentifierTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    private readonly Delivery _delivery = fixture.Delivery;

    [Fact]
    public void Persons_EveryBsn_PassesElevenProofAndIsUnique()
    {
        var bsns = _delivery[Datasets.Persons].Column("bsn").ToList();
        Assert.All(bsns, b => Assert.True(Identifiers.Bsn.IsValid(b), $"{b} fails the 11-proof"));
        Assert.Equal(bsns.Count, bsns.Distinct().Count());
        Assert.Equal(_delivery.Options.Persons, bsns.Count);
    }

    [Fact]
    public void Deliveries_EveryPersonKey_RefersToARegisteredPerson()
    {
        var registered = _delivery[Datasets.Persons].Column("bsn").ToHashSet();
        foreach (var dataset in Datasets.All.Where(d => d.Name != Datasets.Persons))
            foreach (var column in dataset.Columns.Where(c => c.Rule == ColumnRule.PersonKey))
                Assert.All(_delivery[dataset.Name].Column(column.Name).Where(v => v.Length > 0),
                    v => Assert.Contains(v, registered));
    }

    [Fact]
    public void Companies_KvkNumbers_AreUniqueEightDigitsAndReferencedOnesExist()
    {
        var kvk = _delivery[Datasets.Companies].Column("kvknummer").ToList();
        Assert.All(kvk, k => Assert.Matches(EightDigits(), k));
        Assert.Equal(kvk.Count, kvk.Distinct().Count());
        var known = kvk.ToHashSet();
        foreach (var dataset in Datasets.All.Where(d => d.Name != Datasets.Companies))
            foreach (var column in dataset.Columns.Where(c => c.Rule == ColumnRule.CompanyKey))
                Assert.All(_delivery[dataset.Name].Column(column.Name).Where(v => v.Length > 0), v => Assert.Contains(v, known));
    }

    [Fact]
    public void Households_Numbers_AreUniqueAndEveryPersonHasOne()
    {
        var numbers = _delivery[Datasets.Households].Column("huishoudnummer").ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var known = numbers.ToHashSet();
        Assert.All(_delivery[Datasets.Persons].Column("huishoudnummer"), h => Assert.Contains(h, known));
        var sizes = _delivery[Datasets.Persons].Column("huishoudnummer").GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count());
        var table = _delivery[Datasets.Households];
        Assert.All(table.Rows, r => Assert.Equal(sizes[r[table.Index("huishoudnummer")]], int.Parse(r[table.Index("aantal_personen")])));
    }

    [Fact]
    public void Areas_Codes_FollowTheSchemeAndNest()
    {
        var areas = _delivery[Datasets.Areas];
        var (b, w, g) = (areas.Index("buurtcode"), areas.Index("wijkcode"), areas.Index("gemeentecode"));
        foreach (var row in areas.Rows)
        {
            Assert.Matches(BuurtCode(), row[b]);
            Assert.Matches(WijkCode(), row[w]);
            Assert.Matches(GemeenteCode(), row[g]);
            Assert.StartsWith(row[w][2..], row[b][2..], StringComparison.Ordinal);
            Assert.StartsWith(row[g][2..], row[w][2..], StringComparison.Ordinal);
        }
        Assert.Equal(areas.Rows.Count, areas.Column("buurtcode").Distinct().Count());
        var municipalities = areas.Column("gemeentecode").Distinct().Count();
        Assert.InRange(municipalities, 320, 360);
        Assert.InRange(areas.Column("wijkcode").Distinct().Count(), 2_500, 3_600);
        Assert.InRange(areas.Rows.Count, 12_500, 15_000);
        Assert.Contains(areas.Rows, r => r[g] == "GM0363" && r[areas.Index("gemeentenaam")] == "Amsterdam");
    }

    [Fact]
    public void Buildings_BagIds_AreUniqueAndCarryTheirMunicipality()
    {
        var table = _delivery[Datasets.Buildings];
        var (id, buurt) = (table.Index("verblijfsobjectid"), table.Index("buurtcode"));
        Assert.Equal(table.Rows.Count, table.Column("verblijfsobjectid").Distinct().Count());
        Assert.All(table.Rows, r => Assert.Equal(r[buurt][2..6] + "01", r[id][..6]));
        var known = table.Column("verblijfsobjectid").ToHashSet();
        Assert.All(_delivery[Datasets.Persons].Column("verblijfsobjectid"), v => Assert.Contains(v, known));
        Assert.All(_delivery[Datasets.Companies].Column("verblijfsobjectid"), v => Assert.Contains(v, known));
        Assert.All(_delivery[Datasets.Dismantlings].Column("verblijfsobjectid"), v => Assert.Contains(v, known));
        Assert.All(table.Column("postcode"), p => Assert.Matches(Postcode(), p));
    }

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex EightDigits();

    [GeneratedRegex("^BU[0-9]{8}$")]
    private static partial Regex BuurtCode();

    [GeneratedRegex("^WK[0-9]{6}$")]
    private static partial Regex WijkCode();

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex GemeenteCode();

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex Postcode();
}
