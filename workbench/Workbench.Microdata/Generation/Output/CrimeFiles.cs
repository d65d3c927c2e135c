using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Generation.Output;

/// <summary>Police, justice, LFO, FIU and risk-factor deliveries.</summary>
internal static class CrimeFiles
{
    private static readonly byte[][] Offences = Utf8Table.Encode(Vocabulary.Offences);
    private static readonly byte[][] Sanctions = Utf8Table.Encode(Vocabulary.PersonSanctions);
    private static readonly byte[][] CompanyOffences = Utf8Table.Encode(Vocabulary.CompanyOffences);
    private static readonly byte[][] CompanySanctions = Utf8Table.Encode(Vocabulary.CompanySanctions);
    private static readonly byte[][] Kinds = Utf8Table.Encode(Vocabulary.DismantlingKinds);
    private static readonly byte[][] Sizes = Utf8Table.Encode(Vocabulary.DismantlingSizes);
    private static readonly byte[][] Institutions = Utf8Table.Encode(Vocabulary.ReportingInstitutions);
    private static readonly byte[][] Types = Utf8Table.Encode(Vocabulary.TransactionTypes);

    public static void Suspects(SyntheticWorld world, Utf8RowWriter w)
    {
        var muniCodes = Utf8Table.Encode(world.Geography.Municipalities.Select(m => m.CodeText));
        long serial = 0;
        foreach (var r in world.Crime.All)
            for (var i = 0; i < r.SuspectPerson.Count; i++)
            {
                var day = r.SuspectDay.Items[i];
                w.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"PL{r.SuspectMunicipality.Items[i] % 10:D2}00-{DateOnly.FromDayNumber(day).Year}{++serial:D7}"));
                w.Padded(world.Persons.Bsn[r.SuspectPerson.Items[i]], 9);
                w.Date(day);
                w.Utf8(Offences[r.SuspectOffence.Items[i]]);
                w.Utf8(muniCodes[r.SuspectMunicipality.Items[i]]);
                w.EndRow();
            }
    }

    private static string CaseNumber(long serial, int day) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{10 + serial % 9:D2}/{serial:D6}-{DateOnly.FromDayNumber(day).Year % 100:D2}");

    public static void PersonConvictions(SyntheticWorld world, Utf8RowWriter w)
    {
        long serial = 100_000;
        foreach (var r in world.Crime.All)
            for (var i = 0; i < r.ConvictionPerson.Count; i++)
            {
                var day = r.ConvictionDay.Items[i];
                w.Text(CaseNumber(++serial, day));
                w.Padded(world.Persons.Bsn[r.ConvictionPerson.Items[i]], 9);
                w.Date(day);
                w.Utf8(Offences[r.ConvictionOffence.Items[i]]);
                w.Utf8(Sanctions[r.ConvictionSanction.Items[i]]);
                w.EndRow();
            }
    }

    public static void CompanyConvictions(SyntheticWorld world, Utf8RowWriter w)
    {
        long serial = 900_000;
        foreach (var r in world.Crime.All)
            for (var i = 0; i < r.CompanyConvictionCompany.Count; i++)
            {
                var day = r.CompanyConvictionDay.Items[i];
                w.Text(CaseNumber(++serial, day));
                w.Padded(world.Companies.Kvk[r.CompanyConvictionCompany.Items[i]], 8);
                w.Date(day);
                w.Utf8(CompanyOffences[r.CompanyConvictionOffence.Items[i]]);
                w.Utf8(CompanySanctions[r.CompanyConvictionSanction.Items[i]]);
                w.EndRow();
            }
    }

    public static void Dismantlings(SyntheticWorld world, Utf8RowWriter w)
    {
        long serial = 0;
        foreach (var r in world.Crime.All)
            for (var i = 0; i < r.DismantlingBuilding.Count; i++)
            {
                var day = r.DismantlingDay.Items[i];
                w.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"LFO-{DateOnly.FromDayNumber(day).Year}-{++serial:D6}"));
                w.Padded(world.Buildings.BagId[r.DismantlingBuilding.Items[i]], 16);
                w.Date(day);
                w.Utf8(Kinds[r.DismantlingKind.Items[i]]);
                w.Utf8(Sizes[r.DismantlingSize.Items[i]]);
                w.EndRow();
            }
    }

    public static void UnusualTransactions(SyntheticWorld world, Utf8RowWriter w)
    {
        long serial = 0;
        foreach (var r in world.Crime.All)
            for (var i = 0; i < r.FiuDay.Count; i++)
            {
                w.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MOT{++serial:D9}"));
                w.Utf8(Institutions[r.FiuInstitution.Items[i]]);
                w.Date(r.FiuDay.Items[i]);
                w.Number(r.FiuAmount.Items[i]);
                w.Utf8(Types[r.FiuType.Items[i]]);
                var person = r.FiuPerson.Items[i];
                if (person >= 0) w.Padded(world.Persons.Bsn[person], 9);
                else w.Empty();
                var company = r.FiuCompany.Items[i];
                if (company >= 0) w.Padded(world.Companies.Kvk[company], 8);
                else w.Empty();
                w.Flag(r.FiuSuspicious.Items[i]);
                w.EndRow();
            }
    }

    public static void RiskFactors(SyntheticWorld world, Utf8RowWriter w)
    {
        var p = world.Persons;
        const byte any = PersonTable.Dropout | PersonTable.Debt | PersonTable.YouthCare;
        for (var i = 0; i < p.Count; i++)
        {
            var f = p.Flags[i];
            if ((f & any) == 0) continue;
            w.Padded(p.Bsn[i], 9);
            w.Flag((f & PersonTable.Dropout) != 0);
            w.Flag((f & PersonTable.Debt) != 0);
            w.Flag((f & PersonTable.YouthCare) != 0);
            w.EndRow();
        }
    }
}
