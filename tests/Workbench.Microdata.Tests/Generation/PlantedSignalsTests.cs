using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.Generation;

/// <summary>The planted signals of PLANTED-SIGNALS.md, measured from the raw files only.</summary>
public sealed class PlantedSignalsTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    private static readonly HashSet<string> CashIntensive = ["45", "56", "68", "92", "96"];
    private readonly Delivery _delivery = fixture.Delivery;

    private int Age(string birthDate) =>
        _delivery.Options.ReferenceDate.Year - int.Parse(birthDate.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);

    private Dictionary<string, HashSet<string>> Neighbours()
    {
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var row in _delivery[Datasets.NetworkLinks].Rows)
        {
            (result.TryGetValue(row[0], out var a) ? a : result[row[0]] = []).Add(row[1]);
            (result.TryGetValue(row[1], out var b) ? b : result[row[1]] = []).Add(row[0]);
        }
        return result;
    }

    private (double Suspects, double Comparison) MatchedShares(Func<string, bool> memberHasTrait)
    {
        var gemeente = _delivery[Datasets.Buildings].Rows.ToDictionary(r => r[0], r => r[4][2..6]);
        var drugSuspects = _delivery[Datasets.Suspects].Rows.Where(r => r[3].StartsWith("drugs", StringComparison.Ordinal)).Select(r => r[1]).ToHashSet();
        var neighbours = Neighbours();
        double Share(string p) => neighbours.TryGetValue(p, out var n) && n.Count > 0 ? (double)n.Count(memberHasTrait) / n.Count : 0;

        var cells = _delivery[Datasets.Persons].Rows
            .Where(r => Age(r[3]) is >= 10 and <= 26)
            .GroupBy(r => (Age(r[3]), r[4], gemeente[r[5]]));
        double suspects = 0, comparison = 0;
        var matched = 0;
        foreach (var cell in cells)
        {
            var cases = cell.Where(r => drugSuspects.Contains(r[0])).ToList();
            var controls = cell.Where(r => !drugSuspects.Contains(r[0])).ToList();
            if (cases.Count == 0 || controls.Count == 0) continue;
            var controlShare = controls.Average(r => Share(r[0]));
            foreach (var c in cases)
            {
                suspects += Share(c[0]);
                comparison += controlShare;
                matched++;
            }
        }
        Assert.True(matched >= 20, $"only {matched} matched young drug suspects");
        return (suspects / matched, comparison / matched);
    }

    [Fact]
    public void YoungDrugSuspects_Networks_HoldMoreConvictedMembersThanMatchedYouths()
    {
        var convicted = _delivery[Datasets.PersonConvictions].Column("bsn").ToHashSet();
        var (suspects, comparison) = MatchedShares(convicted.Contains);
        Assert.True(suspects >= 1.5 * comparison, $"convicted share {suspects:F4} vs matched {comparison:F4}");
    }

    [Fact]
    public void YoungDrugSuspects_Networks_HoldMoreDropoutsAndDebtors()
    {
        var table = _delivery[Datasets.RiskFactors];
        var troubled = table.Rows.Where(r => r[1] == "j" || r[2] == "j").Select(r => r[0]).ToHashSet();
        var (suspects, comparison) = MatchedShares(troubled.Contains);
        Assert.True(suspects >= 1.3 * comparison, $"drop-out/debt share {suspects:F4} vs matched {comparison:F4}");
    }

    private (double Rate, int Objects) SiteRate(Func<string[], bool> selection)
    {
        var sites = _delivery[Datasets.Dismantlings].Column("verblijfsobjectid").ToHashSet();
        var objects = _delivery[Datasets.Buildings].Rows.Where(selection).ToList();
        return ((double)objects.Count(r => sites.Contains(r[0])) / objects.Count, objects.Count);
    }

    [Fact]
    public void Dismantlings_AreOverRepresentedInIndustrialVacantAndLandlordOwnedObjects()
    {
        var industrial = SiteRate(r => r[5] is "industriefunctie" or "overige_gebruiksfunctie");
        var dwellings = SiteRate(r => r[5] == "woonfunctie");
        Assert.True(industrial.Rate >= 5 * dwellings.Rate, $"industrial {industrial} vs dwellings {dwellings}");
        var vacant = SiteRate(r => r[12] == "j");
        var occupied = SiteRate(r => r[12] == "n");
        Assert.True(vacant.Rate >= 3 * occupied.Rate, $"vacant {vacant} vs occupied {occupied}");
        var landlord = SiteRate(r => r[9] is "bedrijf" or "particuliere_verhuurder");
        var other = SiteRate(r => r[9] is not ("bedrijf" or "particuliere_verhuurder"));
        Assert.True(landlord.Rate >= 3 * other.Rate, $"company/private landlord {landlord} vs other {other}");
    }

    [Fact]
    public void Dismantlings_AreOverRepresentedInRuralBuurten()
    {
        var urbanity = _delivery[Datasets.Areas].Rows.ToDictionary(r => r[0], r => int.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture));
        var rural = SiteRate(r => urbanity[r[4]] >= 4);
        var urban = SiteRate(r => urbanity[r[4]] <= 2);
        Assert.True(rural.Rate >= 2 * urban.Rate, $"rural {rural} vs urban {urban}");
    }

    [Fact]
    public void CompanyConvictions_AreMoreFrequentInCashIntensiveBranches()
    {
        var convicted = _delivery[Datasets.CompanyConvictions].Column("kvknummer").ToHashSet();
        var companies = _delivery[Datasets.Companies].Rows;
        double Rate(bool cash)
        {
            var group = companies.Where(r => CashIntensive.Contains(r[2]) == cash).ToList();
            return (double)group.Count(r => convicted.Contains(r[0])) / group.Count;
        }
        Assert.True(Rate(true) >= 2 * Rate(false), $"cash-intensive {Rate(true):F4} vs other {Rate(false):F4}");
    }

    [Fact]
    public void CompanyConvictions_RepeatMuchMoreOftenWhenAnOfficerIsConvicted()
    {
        var convictedPersons = _delivery[Datasets.PersonConvictions].Column("bsn").ToHashSet();
        var flagged = _delivery[Datasets.CompanyOfficers].Rows.Where(r => convictedPersons.Contains(r[1])).Select(r => r[0]).ToHashSet();
        var convictions = _delivery[Datasets.CompanyConvictions].Column("kvknummer").GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var companies = _delivery[Datasets.Companies].Column("kvknummer").ToList();
        double RepeatRate(bool officerConvicted)
        {
            var group = companies.Where(k => flagged.Contains(k) == officerConvicted).ToList();
            return (double)group.Count(k => convictions.GetValueOrDefault(k) >= 2) / group.Count;
        }
        Assert.True(flagged.Count >= 20, $"only {flagged.Count} companies with a convicted officer");
        Assert.True(RepeatRate(true) >= 5 * RepeatRate(false), $"repeat rate {RepeatRate(true):F4} vs {RepeatRate(false):F4}");
    }

    [Fact]
    public void UnusualTransactions_FormSeparableGroups()
    {
        var age = _delivery[Datasets.Persons].Rows.ToDictionary(r => r[0], r => Age(r[3]));
        var reports = _delivery[Datasets.UnusualTransactions].Rows;
        static double Median(IEnumerable<string[]> rows)
        {
            var amounts = rows.Select(r => long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.True(amounts.Count >= 15, $"group has only {amounts.Count} reports");
            return amounts[amounts.Count / 2];
        }
        var young = reports.Where(r => r[5].Length > 0 && age[r[5]] <= 25).ToList();
        var companies = reports.Where(r => r[6].Length > 0).ToList();
        var older = reports.Where(r => r[5].Length > 0 && age[r[5]] >= 55).ToList();
        Assert.InRange(Median(young), 300, 5_000);
        Assert.InRange(Median(companies), 10_000, 100_000);
        Assert.True(Median(older) > 100_000, $"older persons' median {Median(older)}");
        Assert.True(young.Count(r => r[4] is "geldtransfer" or "contante_storting") >= 0.7 * young.Count);
        Assert.True(older.Count(r => r[1] is "notaris" or "makelaar") >= 0.5 * older.Count);
    }
}
