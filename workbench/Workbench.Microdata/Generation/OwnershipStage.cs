namespace Workbench.Microdata.Generation;

/// <summary>
/// Resolves who owns each BAG object: the municipality's housing corporation, a private landlord (a well-off adult
/// of the municipality) or a company (preferably real estate, SBI 68); owner-occupiers were set with the dwelling.
/// </summary>
internal static class OwnershipStage
{
    private static readonly byte Sbi68 = (byte)Array.IndexOf(CompanyStage.Sbi, "68");

    public static void Run(SyntheticWorld world, CancellationToken cancellationToken)
    {
        var b = world.Buildings;
        var companies = world.Companies;
        Parallel.For(0, world.Geography.Municipalities.Length, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            var rng = Rng.For(world.Options.Seed, Stage.Ownership, m);
            var cs = world.CompanyStart[m];
            var ce = world.CompanyStart[m + 1];
            var realEstate = new List<int>();
            var firms = new List<int>();
            for (var c = cs + 1; c < ce; c++)
            {
                if (companies.Sbi[c] == Sbi68) realEstate.Add(c);
                if (companies.LegalForm[c] != CompanyTable.SoleTrader) firms.Add(c);
            }
            for (var i = world.BuildingStart[m]; i < world.BuildingStart[m + 1]; i++)
            {
                switch (b.OwnerType[i])
                {
                    case BuildingTable.HousingCorporation:
                        if (ce > cs) b.OwnerCompany[i] = cs;
                        else b.OwnerType[i] = BuildingTable.Government;
                        break;
                    case BuildingTable.CompanyOwner:
                        var pool = realEstate.Count > 0 && (b.Use[i] == BuildingTable.Dwelling || rng.Chance(0.4)) ? realEstate : firms;
                        if (pool.Count > 0) b.OwnerCompany[i] = pool[rng.Next(pool.Count)];
                        else if (companies.Count > 0) b.OwnerCompany[i] = rng.Next(companies.Count);
                        else b.OwnerType[i] = BuildingTable.Government;
                        break;
                    case BuildingTable.PrivateLandlord:
                        b.OwnerPerson[i] = WellOffAdult(world, m, ref rng);
                        if (b.OwnerPerson[i] < 0) b.OwnerType[i] = BuildingTable.Government;
                        break;
                    case BuildingTable.OwnerOccupier when b.OwnerPerson[i] < 0:
                        b.OwnerType[i] = BuildingTable.PrivateLandlord;
                        b.OwnerPerson[i] = WellOffAdult(world, m, ref rng);
                        if (b.OwnerPerson[i] < 0) b.OwnerType[i] = BuildingTable.Government;
                        break;
                }
            }
        });
    }

    private static int WellOffAdult(SyntheticWorld world, int m, ref Rng rng)
    {
        var best = -1;
        var bestIncome = int.MinValue;
        for (var k = 0; k < 3; k++)
        {
            var p = CompanyStage.PickAdult(world, m, 30, 85, ref rng, false);
            if (p >= 0 && world.Persons.Income[p] > bestIncome) { best = p; bestIncome = world.Persons.Income[p]; }
        }
        return best;
    }
}
