namespace Workbench.Microdata.Generation;

/// <summary>
/// FIU unusual-transaction reports in four groups that differ in amount, transaction type, institution and the
/// reported party (planted signal 4): young low-income money mules, cash-intensive companies, older high-income
/// persons with property transactions, and a diffuse background.
/// </summary>
internal static class FiuReports
{
    private const byte Bank = 0, PaymentProvider = 1, Casino = 2, CarDealer = 3, Notary = 4, Crypto = 5, Broker = 6;
    private const byte CashDeposit = 0, CashWithdrawal = 1, Transfer = 2, MoneyTransfer = 3, CryptoTx = 4, CashPurchase = 5;

    public static void Generate(SyntheticWorld world, int m, CrimeRecords records, ref Rng rng)
    {
        var persons = world.Persons;
        for (var p = world.PersonStart[m]; p < world.PersonStart[m + 1]; p++)
        {
            var age = world.Age(p);
            if (age < 18) continue;
            var income = persons.Income[p];
            var convicted = (persons.Flags[p] & PersonTable.Convicted) != 0;
            var risk = world.Households.Risk[persons.Household[p]];
            if (age <= 25 && income < 20_000 && rng.Chance(0.035 * Math.Sqrt(risk) * (convicted ? 3 : 1)))
            {
                var n = 1 + rng.Next(3);
                for (var k = 0; k < n; k++)
                {
                    var type = (byte)(rng.Chance(0.55) ? MoneyTransfer : rng.Chance(0.78) ? CashDeposit : CryptoTx);
                    var institution = type == CryptoTx ? Crypto : rng.Chance(0.6) ? PaymentProvider : Bank;
                    Add(world, records, institution, rng.LogNormal(1_500, 0.6), type, p, -1, rng.Chance(convicted ? 0.6 : 0.35), ref rng);
                }
            }
            else if (age >= 55 && income > 70_000 && rng.Chance(0.03))
            {
                var n = 1 + (rng.Chance(0.3) ? 1 : 0);
                for (var k = 0; k < n; k++)
                {
                    var type = (byte)rng.Pick([0, 0, 0.8, 0, 0.1, 0.1]);
                    var institution = (byte)(type == CryptoTx ? Crypto : rng.Pick([0.2, 0, 0, 0, 0.5, 0, 0.3]));
                    Add(world, records, institution, rng.LogNormal(400_000, 0.6), type, p, -1, rng.Chance(0.05), ref rng);
                }
            }
            else if (rng.Chance(0.002))
            {
                var type = (byte)rng.Next(6);
                var institution = (byte)(type == CryptoTx ? Crypto : rng.Pick([0.6, 0.1, 0.2, 0, 0, 0, 0.1]));
                Add(world, records, institution, rng.LogNormal(12_000, 0.9), type, p, -1, rng.Chance(convicted ? 0.3 : 0.1), ref rng);
            }
        }

        var companies = world.Companies;
        for (var c = world.CompanyStart[m]; c < world.CompanyStart[m + 1]; c++)
        {
            if (!CompanyStage.IsCashIntensive[companies.Sbi[c]]) continue;
            var flagged = (companies.Flags[c] & (CompanyTable.OfficerConvicted | CompanyTable.Convicted)) != 0;
            if (!rng.Chance(flagged ? 0.35 : 0.12)) continue;
            var n = 1 + rng.Next(4);
            for (var k = 0; k < n; k++)
            {
                var type = (byte)rng.Pick([0.6, 0, 0.2, 0, 0, 0.2]);
                var institution = (byte)(CompanyStage.Sbi[companies.Sbi[c]] switch
                {
                    "45" => rng.Chance(0.5) ? CarDealer : Bank,
                    "92" => rng.Chance(0.6) ? Casino : Bank,
                    _ => Bank,
                });
                Add(world, records, institution, rng.LogNormal(25_000, 0.7), type, -1, c, rng.Chance(flagged ? 0.6 : 0.25), ref rng);
            }
        }
    }

    private static void Add(
        SyntheticWorld world, CrimeRecords records, byte institution, double amount, byte type, int person, int company,
        bool suspicious, ref Rng rng)
    {
        records.FiuInstitution.Add(institution);
        records.FiuDay.Add(world.ReferenceDay - rng.Next(365 * CrimeStage.WindowYears));
        records.FiuAmount.Add(Math.Max(1, (long)amount));
        records.FiuType.Add(type);
        records.FiuPerson.Add(person);
        records.FiuCompany.Add(company);
        records.FiuSuspicious.Add(suspicious);
    }
}
