using System.Globalization;
using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.Generation;

/// <summary>Broad Dutch proportions of the generated population (wide bands: realism, not calibration).</summary>
public sealed class PopulationTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    private readonly Delivery _delivery = fixture.Delivery;

    private int Age(string birthDate) => _delivery.Options.ReferenceDate.Year - int.Parse(birthDate.AsSpan(0, 4), CultureInfo.InvariantCulture);

    [Fact]
    public void Households_Composition_IsDutchLike()
    {
        var types = _delivery[Datasets.Households].Column("huishoudtype").ToList();
        var single = (double)types.Count(t => t == "eenpersoons") / types.Count;
        Assert.InRange(single, 0.33, 0.43);
        Assert.InRange((double)_delivery.Options.Persons / types.Count, 2.0, 2.3);
        Assert.All(Vocabulary.HouseholdTypes, t => Assert.Contains(t, types));
    }

    [Fact]
    public void Persons_AgeAndSex_AreDutchLike()
    {
        var persons = _delivery[Datasets.Persons];
        var ages = persons.Column("geboortedatum").Select(Age).ToList();
        Assert.InRange((double)ages.Count(a => a < 18) / ages.Count, 0.15, 0.26);
        Assert.InRange((double)ages.Count(a => a >= 65) / ages.Count, 0.12, 0.25);
        Assert.InRange((double)persons.Column("geslacht").Count(s => s == "V") / ages.Count, 0.45, 0.55);
    }

    [Fact]
    public void Jobs_CoverMostWorkingAgeAdults()
    {
        var age = _delivery[Datasets.Persons].Rows.ToDictionary(r => r[0], r => Age(r[3]));
        var workingAge = age.Values.Count(a => a is >= 18 and <= 67);
        var employed = _delivery[Datasets.Jobs].Column("bsn").Distinct().Count(b => age[b] is >= 18 and <= 67);
        Assert.InRange((double)employed / workingAge, 0.55, 0.75);
    }

    [Fact]
    public void Buildings_NonResidentialShareAndVacancy_AreRealistic()
    {
        var buildings = _delivery[Datasets.Buildings];
        var nonResidential = (double)buildings.Column("gebruiksdoel").Count(u => u != "woonfunctie") / buildings.Rows.Count;
        Assert.InRange(nonResidential, 0.08, 0.17);
        var vacant = (double)buildings.Column("leegstand").Count(v => v == "j") / buildings.Rows.Count;
        Assert.InRange(vacant, 0.02, 0.08);
        var owned = buildings.Rows.Where(r => r[9] == "eigenaar_bewoner").ToList();
        Assert.All(owned, r => Assert.NotEmpty(r[10]));
        Assert.All(buildings.Rows.Where(r => r[9] == "woningcorporatie"), r => Assert.NotEmpty(r[11]));
    }
}
