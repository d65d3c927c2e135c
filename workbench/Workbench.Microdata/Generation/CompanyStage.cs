using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Generation;

/// <summary>Companies (KvK establishments), their officers and their establishment address, per municipality.</summary>
internal static class CompanyStage
{
    /// <summary>SBI divisions in <see cref="Vocabulary.SbiDivisions"/> key order.</summary>
    public static readonly string[] Sbi = [.. Vocabulary.SbiDivisions.Keys];

    /// <summary>Rough shares of establishments per division in the Netherlands (KvK, per mille-ish weights).</summary>
    private static readonly Dictionary<string, double> SbiWeight = new()
    {
        ["01"] = 4, ["10"] = 1, ["25"] = 1.5, ["41"] = 5, ["43"] = 8, ["45"] = 3, ["46"] = 7, ["47"] = 9, ["49"] = 3,
        ["52"] = 1.5, ["55"] = 1.5, ["56"] = 4.5, ["62"] = 6, ["64"] = 1, ["66"] = 2, ["68"] = 4, ["69"] = 4, ["70"] = 6,
        ["73"] = 3, ["77"] = 1.5, ["78"] = 1.5, ["81"] = 2, ["85"] = 4, ["86"] = 7, ["88"] = 3, ["92"] = 0.3, ["93"] = 3,
        ["96"] = 5,
    };

    /// <summary>Cash-intensive branches: car trade, horeca, real estate, gambling, personal services.</summary>
    public static readonly HashSet<string> CashIntensive = ["45", "56", "68", "92", "96"];

    public static readonly bool[] IsCashIntensive = [.. Sbi.Select(CashIntensive.Contains)];

    public const double CompaniesPerPerson = 0.09;

    private static readonly AliasTable SbiAlias = new([.. Sbi.Select(s => SbiWeight[s])]);
    private static readonly byte Sbi68 = (byte)Array.IndexOf(Sbi, "68");

    public static void Run(SyntheticWorld world, CancellationToken cancellationToken)
    {
        var munis = world.Geography.Municipalities;
        var starts = new int[munis.Length + 1];
        for (var m = 0; m < munis.Length; m++)
        {
            var persons = world.PersonStart[m + 1] - world.PersonStart[m];
            starts[m + 1] = starts[m] + (persons == 0 ? 0 : 1 + (int)Math.Round(persons * CompaniesPerPerson));
        }
        var companies = new CompanyTable(starts[^1]);
        var officers = new OfficerBuffer[munis.Length];
        var (a, b) = Identifiers.AffinePermutation.Coefficients(90_000_000, world.Options.Seed, 0x4B);
        Parallel.For(0, munis.Length, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            officers[m] = new OfficerBuffer();
            var rng = Rng.For(world.Options.Seed, Stage.Companies, m);
            var nonResidential = NonResidentialByUse(world, m);
            for (var c = starts[m]; c < starts[m + 1]; c++)
            {
                companies.Kvk[c] = (int)(10_000_000 + Identifiers.AffinePermutation.Apply(c, a, b, 90_000_000));
                companies.Municipality[c] = m;
                companies.NameStem[c] = (ushort)rng.Next(ushort.MaxValue);
                if (c == starts[m]) CreateHousingCorporation(world, companies, c, m, ref rng);
                else CreateCompany(world, companies, c, ref rng);
                AddOfficers(world, companies, officers[m], c, m, ref rng);
                companies.Building[c] = Establishment(world, companies, officers[m], c, nonResidential, ref rng);
            }
        });
        world.Companies = companies;
        world.CompanyStart = starts;
        world.Officers = officers;
    }

    private static void CreateHousingCorporation(SyntheticWorld world, CompanyTable companies, int c, int m, ref Rng rng)
    {
        companies.Sbi[c] = Sbi68;
        companies.LegalForm[c] = CompanyTable.Foundation;
        companies.Flags[c] = CompanyTable.HousingCorporation;
        companies.TargetSize[c] = 5 + (world.PersonStart[m + 1] - world.PersonStart[m]) / 2000;
        companies.FoundedDay[c] = world.ReferenceDay - (int)(365.25 * rng.Between(20, 110));
    }

    private static void CreateCompany(SyntheticWorld world, CompanyTable companies, int c, ref Rng rng)
    {
        var sbi = (byte)SbiAlias.Draw(ref rng);
        companies.Sbi[c] = sbi;
        var code = Sbi[sbi];
        ReadOnlySpan<double> forms = code switch
        {
            "85" or "86" or "88" or "93" => [0.40, 0.04, 0.24, 0.002, 0.31, 0.008],
            "64" or "70" or "66" => [0.08, 0.01, 0.86, 0.03, 0.01, 0.01],
            "01" => [0.45, 0.35, 0.14, 0, 0, 0.06],
            _ => [0.58, 0.07, 0.31, 0.003, 0.03, 0.005],
        };
        var form = (byte)rng.Pick(forms);
        companies.LegalForm[c] = form;
        companies.TargetSize[c] = form switch
        {
            CompanyTable.SoleTrader => rng.Chance(0.12) ? rng.Between(1, 4) : 0,
            CompanyTable.Partnership => rng.Between(1, 6),
            CompanyTable.PrivateLimited => (int)Math.Min(40_000, rng.LogNormal(4, 1.5)),
            CompanyTable.PublicLimited => (int)Math.Min(60_000, rng.LogNormal(250, 1.3)),
            _ => (int)Math.Min(20_000, rng.LogNormal(14, 1.4)),
        };
        var years = Math.Min(120, rng.LogNormal(form == CompanyTable.PublicLimited ? 30 : 8, 0.9));
        companies.FoundedDay[c] = world.ReferenceDay - (int)(365.25 * years) - rng.Next(365);
    }

    private static void AddOfficers(SyntheticWorld world, CompanyTable companies, OfficerBuffer buffer, int c, int m, ref Rng rng)
    {
        var form = companies.LegalForm[c];
        var (count, role) = form switch
        {
            CompanyTable.SoleTrader => (1, (byte)0),
            CompanyTable.Partnership => (2 + (rng.Chance(0.15) ? 1 : 0), (byte)0),
            CompanyTable.PrivateLimited => (1 + rng.Pick([0.6, 0.3, 0.1]), (byte)1),
            _ => (2 + rng.Next(3), (byte)1),
        };
        var cash = IsCashIntensive[companies.Sbi[c]];
        for (var k = 0; k < count; k++)
        {
            var person = PickAdult(world, m, 21, 75, ref rng, cash && rng.Chance(0.5));
            if (person < 0) return;
            AddOfficer(world, buffer, c, person, role, companies.FoundedDay[c], ref rng);
        }
        if (form is CompanyTable.PrivateLimited or CompanyTable.PublicLimited && rng.Chance(0.12))
        {
            var proxy = PickAdult(world, m, 21, 75, ref rng, false);
            if (proxy >= 0) AddOfficer(world, buffer, c, proxy, 2, companies.FoundedDay[c], ref rng);
        }
    }

    private static void AddOfficer(SyntheticWorld world, OfficerBuffer buffer, int c, int person, byte role, int foundedDay, ref Rng rng)
    {
        for (var i = buffer.Company.Count - 1; i >= 0 && buffer.Company.Items[i] == c; i--)
            if (buffer.Person.Items[i] == person) return;
        buffer.Company.Add(c);
        buffer.Person.Add(person);
        buffer.Role.Add(role);
        var since = Math.Max(foundedDay, world.ReferenceDay - (int)(365.25 * rng.LogNormal(5, 0.9)));
        buffer.SinceDay.Add(Math.Min(since, world.ReferenceDay));
        world.Persons.Flags[person] |= PersonTable.Officer;
    }

    /// <summary>A random adult of the municipality; with <paramref name="risky"/>, the riskiest of three candidates.</summary>
    public static int PickAdult(SyntheticWorld world, int m, int minAge, int maxAge, ref Rng rng, bool risky)
    {
        var start = world.PersonStart[m];
        var n = world.PersonStart[m + 1] - start;
        if (n == 0) return -1;
        var best = -1;
        var bestRisk = -1f;
        for (var tries = 0; tries < 40; tries++)
        {
            var p = start + rng.Next(n);
            var age = world.Age(p);
            if (age < minAge || age > maxAge) continue;
            var r = world.Households.Risk[world.Persons.Household[p]];
            if (r > bestRisk) { best = p; bestRisk = r; }
            if (!risky || tries >= 6) break;
        }
        return best;
    }

    private static List<int>[] NonResidentialByUse(SyntheticWorld world, int m)
    {
        var lists = new List<int>[8];
        for (var u = 0; u < lists.Length; u++) lists[u] = [];
        for (var i = world.BuildingStart[m]; i < world.BuildingStart[m + 1]; i++)
        {
            var use = world.Buildings.Use[i];
            if (use != BuildingTable.Dwelling) lists[use].Add(i);
        }
        return lists;
    }

    private static int Establishment(
        SyntheticWorld world, CompanyTable companies, OfficerBuffer officers, int c, List<int>[] nonResidential, ref Rng rng)
    {
        var form = companies.LegalForm[c];
        if (form is CompanyTable.SoleTrader or CompanyTable.Partnership && companies.TargetSize[c] <= 3 && rng.Chance(0.75)
            && officers.Company.Count > 0 && officers.Company.Items[officers.Company.Count - 1] == c)
        {
            var first = officers.Company.Count - 1;
            while (first > 0 && officers.Company.Items[first - 1] == c) first--;
            return world.Households.Dwelling[world.Persons.Household[officers.Person.Items[first]]];
        }
        var use = Sbi[companies.Sbi[c]] switch
        {
            "47" or "96" => BuildingTable.Shop,
            "56" => rng.Chance(0.6) ? BuildingTable.Shop : BuildingTable.Assembly,
            "55" => BuildingTable.Lodging,
            "85" => BuildingTable.Education,
            "92" or "93" => BuildingTable.Assembly,
            "01" => BuildingTable.OtherUse,
            "10" or "25" or "41" or "43" or "45" or "46" or "49" or "52" or "77" =>
                rng.Chance(0.7) ? BuildingTable.Industry : BuildingTable.OtherUse,
            _ => BuildingTable.Office,
        };
        var list = nonResidential[use];
        if (list.Count == 0)
        {
            for (var u = 1; u < nonResidential.Length && list.Count == 0; u++) list = nonResidential[(use + u) % 8];
        }
        if (list.Count > 0) return list[rng.Next(list.Count)];
        var m = companies.Municipality[c];
        var start = world.BuildingStart[m];
        return start + rng.Next(Math.Max(1, world.BuildingStart[m + 1] - start));
    }
}
