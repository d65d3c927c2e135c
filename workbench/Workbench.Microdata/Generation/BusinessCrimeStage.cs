namespace Workbench.Microdata.Generation;

/// <summary>
/// Company convictions (planted signal 3), dismantled drug sites (signal 2) and FIU unusual-transaction reports
/// (signal 4), per municipality.
/// </summary>
internal static class BusinessCrimeStage
{
    /// <summary>Dismantlings per person over the whole window (inflated against reality so small runs can be analysed).</summary>
    public const double DismantlingsPerPerson = 1.0 / 400;

    public static CrimeRecords[] Run(SyntheticWorld world, ParallelOptions po)
    {
        var munis = world.Geography.Municipalities.Length;
        var weights = new double[munis];
        Parallel.For(0, munis, po, m =>
        {
            double sum = 0;
            for (var i = world.BuildingStart[m]; i < world.BuildingStart[m + 1]; i++) sum += SiteWeight(world, i);
            weights[m] = sum;
        });
        double total = 0;
        foreach (var w in weights) total += w;
        var scale = world.Persons.Count * DismantlingsPerPerson / total;

        var result = new CrimeRecords[munis];
        Parallel.For(0, munis, po, m =>
        {
            var records = new CrimeRecords();
            var rng = Rng.For(world.Options.Seed, Stage.CompanyCrime, m);
            CompanyConvictions(world, m, records, ref rng);
            rng = Rng.For(world.Options.Seed, Stage.Dismantlings, m);
            Dismantlings(world, m, scale, records, ref rng);
            rng = Rng.For(world.Options.Seed, Stage.Fiu, m);
            FiuReports.Generate(world, m, records, ref rng);
            result[m] = records;
        });
        return result;
    }

    private static void CompanyConvictions(SyntheticWorld world, int m, CrimeRecords records, ref Rng rng)
    {
        var companies = world.Companies;
        var officers = world.Officers[m];
        for (var i = 0; i < officers.Company.Count; i++)
            if ((world.Persons.Flags[officers.Person.Items[i]] & PersonTable.Convicted) != 0)
                companies.Flags[officers.Company.Items[i]] |= CompanyTable.OfficerConvicted;

        for (var c = world.CompanyStart[m]; c < world.CompanyStart[m + 1]; c++)
        {
            var cash = CompanyStage.IsCashIntensive[companies.Sbi[c]];
            var officerConvicted = (companies.Flags[c] & CompanyTable.OfficerConvicted) != 0;
            var p = 0.012 * (cash ? 4 : 1) * (officerConvicted ? 6 : 1);
            if (!rng.Chance(Math.Min(0.9, p))) continue;
            companies.Flags[c] |= CompanyTable.Convicted;
            var count = officerConvicted ? 1 + rng.Poisson(1.5) : 1 + (rng.Chance(0.1) ? 1 : 0);
            var day = world.ReferenceDay - rng.Next(365 * CrimeStage.WindowYears);
            var sbi = CompanyStage.Sbi[companies.Sbi[c]];
            ReadOnlySpan<double> mix = cash ? [0.4, 0.3, 0.05, 0.05, 0, 0.05, 0.15]
                : sbi is "01" or "10" or "25" or "41" or "43" ? [0.05, 0.2, 0, 0.15, 0.4, 0.2, 0]
                : sbi is "78" or "81" ? [0.2, 0.3, 0, 0, 0, 0.5, 0]
                : [0.2, 0.4, 0, 0, 0.2, 0, 0.2];
            for (var k = 0; k < count && day <= world.ReferenceDay; k++)
            {
                records.CompanyConvictionCompany.Add(c);
                records.CompanyConvictionDay.Add(day);
                records.CompanyConvictionOffence.Add((byte)rng.Pick(mix));
                records.CompanyConvictionSanction.Add((byte)rng.Pick([0.55, 0.15, 0.1, 0.2]));
                day += rng.Between(120, 540);
            }
        }
    }

    /// <summary>Relative chance that a drug site is found in this object (planted signal 2).</summary>
    private static double SiteWeight(SyntheticWorld world, int i)
    {
        var b = world.Buildings;
        var buurt = world.Geography.Buurten[b.Buurt[i]];
        var w = b.Use[i] switch
        {
            BuildingTable.Dwelling => 1.0, BuildingTable.Industry => 10, BuildingTable.OtherUse => 8, BuildingTable.Office => 2,
            BuildingTable.Shop => 1.5, BuildingTable.Education => 0.3, _ => 1,
        };
        if (buurt.Urbanity >= 4) w *= 2.5;
        w *= b.OwnerType[i] switch
        {
            BuildingTable.CompanyOwner or BuildingTable.PrivateLandlord => 2.5, BuildingTable.OwnerOccupier => 0.8,
            BuildingTable.Government => 0.3, _ => 1,
        };
        if (b.Vacant[i]) w *= 4;
        var price = world.Geography.Municipalities[buurt.Municipality].PricePerM2;
        if (b.Woz[i] < b.Area[i] * price * 0.6) w *= 1.6;
        return w * Math.Exp(0.5 * buurt.Deprivation);
    }

    private static void Dismantlings(SyntheticWorld world, int m, double scale, CrimeRecords records, ref Rng rng)
    {
        var b = world.Buildings;
        for (var i = world.BuildingStart[m]; i < world.BuildingStart[m + 1]; i++)
        {
            if (!rng.Chance(SiteWeight(world, i) * scale)) continue;
            var use = b.Use[i];
            var rural = world.Geography.Buurten[b.Buurt[i]].Urbanity >= 4;
            var kind = (byte)(use == BuildingTable.Dwelling
                ? rng.Pick([0.85, 0.03, 0.12])
                : use is BuildingTable.Industry or BuildingTable.OtherUse || rural ? rng.Pick([0.65, 0.2, 0.15]) : rng.Pick([0.6, 0.1, 0.3]));
            var size = (byte)(kind == 1 ? rng.Pick([0.2, 0.4, 0.3, 0.1])
                : use == BuildingTable.Dwelling ? rng.Pick([0.55, 0.35, 0.1, 0])
                : rng.Pick([0.15, 0.35, 0.35, 0.15]));
            records.DismantlingBuilding.Add(i);
            records.DismantlingDay.Add(world.ReferenceDay - rng.Next(365 * CrimeStage.WindowYears));
            records.DismantlingKind.Add(kind);
            records.DismantlingSize.Add(size);
        }
    }
}
