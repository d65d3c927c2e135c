namespace Workbench.Microdata.Generation;

/// <summary>
/// Jobs (UWV Polis), personal incomes (Belastingdienst) and household disposable income. Most people work in their
/// own municipality; a share commutes to an employer anywhere, weighted by employer size.
/// </summary>
internal static class JobStage
{
    public static void Run(SyntheticWorld world, CancellationToken cancellationToken)
    {
        var companies = world.Companies;
        var persons = world.Persons;
        var national = new AliasTable(Weights(companies, 0, companies.Count));
        var munis = world.Geography.Municipalities.Length;
        var wageFactor = new double[CompanyStage.Sbi.Length];
        for (var s = 0; s < wageFactor.Length; s++)
            wageFactor[s] = CompanyStage.Sbi[s] switch
            {
                "64" or "66" or "62" or "70" => 1.35, "56" or "47" or "81" or "55" or "78" => 0.7, "86" or "85" => 1.05, _ => 1,
            };

        Parallel.For(0, munis, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            var rng = Rng.For(world.Options.Seed, Stage.Jobs, m);
            var cs = world.CompanyStart[m];
            var ce = world.CompanyStart[m + 1];
            if (ce == cs) return;
            var local = new AliasTable(Weights(companies, cs, ce));
            for (var p = world.PersonStart[m]; p < world.PersonStart[m + 1]; p++)
            {
                var age = world.Age(p);
                if (age < 18 || age > 67) continue;
                var pWork = age switch { <= 22 => 0.45, <= 55 => 0.74, <= 62 => 0.6, _ => 0.3 };
                var risk = world.Households.Risk[persons.Household[p]];
                if (risk > 3) pWork *= 0.65;
                if (!rng.Chance(pWork)) continue;
                var employer = rng.Chance(0.78) ? cs + local.Draw(ref rng) : national.Draw(ref rng);
                persons.Employer[p] = employer;
                var median = age switch { <= 22 => 9_000.0, <= 29 => 31_000, <= 49 => 45_000, _ => 47_000 };
                if (persons.Sex[p] == 1) median *= 0.82; // part-time work
                if (risk > 3) median *= 0.75;
                persons.Wage[p] = (int)Math.Clamp(rng.LogNormal(median * wageFactor[companies.Sbi[employer]], 0.5), 600, 2_500_000);
                var tenure = Math.Min(age - 17, (int)rng.LogNormal(5, 0.9));
                persons.JobStartYear[p] = (short)(world.Options.ReferenceDate.Year - tenure);
            }
        });

        for (var p = 0; p < persons.Count; p++)
            if (persons.Employer[p] >= 0) companies.Employees[persons.Employer[p]]++;
        foreach (var buffer in world.Officers)
            for (var i = 0; i < buffer.Company.Count; i++)
                if (buffer.Role.Items[i] == 0) companies.Employees[buffer.Company.Items[i]]++;

        Incomes(world, cancellationToken);
    }

    private static double[] Weights(CompanyTable companies, int start, int end)
    {
        var w = new double[end - start];
        for (var c = start; c < end; c++) w[c - start] = companies.TargetSize[c] + 0.05;
        return w;
    }

    private static void Incomes(SyntheticWorld world, CancellationToken cancellationToken)
    {
        var persons = world.Persons;
        var profits = new int[persons.Count];
        foreach (var buffer in world.Officers)
            for (var i = 0; i < buffer.Company.Count; i++)
                if (buffer.Role.Items[i] == 0) profits[buffer.Person.Items[i]] += 1;

        var households = world.Households;
        Parallel.For(0, world.Geography.Municipalities.Length, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            var rng = Rng.For(world.Options.Seed, Stage.Incomes, m);
            for (var p = world.PersonStart[m]; p < world.PersonStart[m + 1]; p++)
            {
                var age = world.Age(p);
                if (age < 18) continue;
                var risk = households.Risk[persons.Household[p]];
                double income = persons.Employer[p] >= 0 ? persons.Wage[p] : 0;
                for (var k = 0; k < profits[p]; k++)
                    income += rng.Chance(0.06) ? -rng.LogNormal(8_000, 1) : rng.LogNormal(28_000, 0.8);
                if (age >= 67) income += 16_000 + rng.LogNormal(risk > 3 ? 4_000 : 11_000, 0.8);
                else if (persons.Employer[p] < 0 && profits[p] == 0)
                    income += rng.Chance(0.55 + (risk > 3 ? 0.25 : 0)) ? rng.LogNormal(14_500, 0.15) : rng.Chance(0.5) ? rng.LogNormal(4_000, 0.6) : 0;
                persons.Income[p] = (int)Math.Clamp(income, -5_000_000, 500_000_000);
            }
            for (var h = world.HouseholdStart[m]; h < world.HouseholdStart[m + 1]; h++)
            {
                double sum = 0;
                var children = 0;
                for (var p = households.FirstPerson[h]; p < households.FirstPerson[h] + households.Size[h]; p++)
                {
                    sum += persons.Income[p];
                    if (persons.Role[p] == PersonTable.Child && world.Age(p) < 18) children++;
                }
                var net = sum > 0 ? sum * (sum > 80_000 ? 0.66 : 0.78) : sum;
                households.DisposableIncome[h] = (long)Math.Round(net + children * 1_300);
            }
        });
    }
}
