namespace Workbench.Microdata.Generation;

/// <summary>
/// Risk factors, police suspects and convictions. Base offending depends on age, sex and the household's latent risk;
/// drug offences of youths (10-26) are then driven by the convicted share of their network (planted signal 1).
/// </summary>
internal static class CrimeStage
{
    public const int WindowYears = 5;

    /// <summary>Offence mix (indices into <see cref="Schema.Vocabulary.Offences"/>).</summary>
    private static readonly double[] AdultMix = [0.04, 0.06, 0.01, 0.02, 0.04, 0.20, 0.25, 0.06, 0.03, 0.05, 0.10, 0.12];
    private static readonly double[] YouthMix = [0, 0, 0.01, 0.04, 0.05, 0.22, 0.30, 0.03, 0.01, 0.05, 0.16, 0.08];

    public static void Run(SyntheticWorld world, CancellationToken cancellationToken)
    {
        var munis = world.Geography.Municipalities.Length;
        var po = new ParallelOptions { CancellationToken = cancellationToken };
        var baseCrime = new CrimeRecords[munis];
        Parallel.For(0, munis, po, m =>
        {
            RiskFactors(world, m);
            baseCrime[m] = BaseOffences(world, m);
        });

        var (degree, convicted, troubled) = NetworkExposure(world);
        var youth = new CrimeRecords[munis];
        Parallel.For(0, munis, po, m => youth[m] = YouthDrugs(world, m, degree, convicted, troubled));
        foreach (var records in youth)
            for (var i = 0; i < records.ConvictionPerson.Count; i++)
                world.Persons.Flags[records.ConvictionPerson.Items[i]] |= PersonTable.Convicted;

        var business = BusinessCrimeStage.Run(world, po);
        world.Crime = new CrimeLedger(baseCrime, youth, business);
    }

    private static void RiskFactors(SyntheticWorld world, int m)
    {
        var rng = Rng.For(world.Options.Seed, Stage.RiskFactors, m);
        var persons = world.Persons;
        for (var p = world.PersonStart[m]; p < world.PersonStart[m + 1]; p++)
        {
            var age = world.Age(p);
            var risk = Math.Pow(world.Households.Risk[persons.Household[p]], 0.8);
            byte flags = 0;
            if (age is >= 16 and <= 30 && rng.Chance(0.045 * risk)) flags |= PersonTable.Dropout;
            if (age >= 18 && rng.Chance(0.035 * risk * (persons.Income[p] < 15_000 ? 2 : 1))) flags |= PersonTable.Debt;
            if (age <= 22 && rng.Chance(0.05 * risk)) flags |= PersonTable.YouthCare;
            persons.Flags[p] |= flags;
        }
    }

    private static double BaseRate(int age, int sex)
    {
        var rate = age switch
        {
            < 12 => 0, < 18 => 0.06, < 25 => 0.09, < 35 => 0.06, < 50 => 0.035, < 65 => 0.018, _ => 0.005,
        };
        return sex == 1 ? rate * 0.3 : rate;
    }

    private static CrimeRecords BaseOffences(SyntheticWorld world, int m)
    {
        var rng = Rng.For(world.Options.Seed, Stage.Crime, m);
        var persons = world.Persons;
        var records = new CrimeRecords();
        for (var p = world.PersonStart[m]; p < world.PersonStart[m + 1]; p++)
        {
            var age = world.Age(p);
            var rate = BaseRate(age, persons.Sex[p]);
            if (rate == 0) continue;
            var flags = persons.Flags[p];
            rate *= world.Households.Risk[persons.Household[p]];
            if ((flags & PersonTable.Dropout) != 0) rate *= 1.5;
            if ((flags & PersonTable.Debt) != 0) rate *= 1.3;
            if (!rng.Chance(Math.Min(0.8, rate))) continue;
            var count = 1;
            while (count < 8 && rng.Chance(0.4)) count++;
            var mix = age <= 26 ? YouthMix : AdultMix;
            for (var k = 0; k < count; k++)
                AddOffence(world, records, p, m, (byte)rng.Pick(mix), 0.45, ref rng);
        }
        return records;
    }

    /// <summary>Registers a suspect and, with the given probability, a later conviction.</summary>
    public static void AddOffence(SyntheticWorld world, CrimeRecords records, int p, int m, byte offence, double convictionChance, ref Rng rng)
    {
        var persons = world.Persons;
        var day = world.ReferenceDay - rng.Next(365 * WindowYears);
        var place = rng.Chance(0.8) ? m : world.MunicipalityOfPerson(rng.Next(persons.Count));
        records.SuspectPerson.Add(p);
        records.SuspectDay.Add(day);
        records.SuspectOffence.Add(offence);
        records.SuspectMunicipality.Add(place);
        persons.Flags[p] |= PersonTable.Suspect;
        if (offence <= 1) persons.Flags[p] |= PersonTable.DrugSuspect;
        if (!rng.Chance(convictionChance)) return;
        var judgement = day + rng.Between(60, 420);
        if (judgement > world.ReferenceDay) return;
        records.ConvictionPerson.Add(p);
        records.ConvictionDay.Add(judgement);
        records.ConvictionOffence.Add(offence);
        records.ConvictionSanction.Add(Sanction(world.Persons.Age(p, DateOnly.FromDayNumber(day)), offence, ref rng));
        // Youth drug convictions are flagged after all exposures are computed, so they cannot feed back mid-stage.
        if (offence > 1 || world.Age(p) > 26) persons.Flags[p] |= PersonTable.Convicted;
    }

    private static byte Sanction(int ageAtOffence, byte offence, ref Rng rng)
    {
        if (ageAtOffence < 18) return (byte)rng.Pick([0, 0.15, 0.55, 0.10, 0.20, 0]);
        var severe = offence is 0 or 2 or 3 or 8 or 9;
        return (byte)rng.Pick(severe ? [0.45, 0, 0.2, 0.1, 0.25, 0] : [0.12, 0, 0.3, 0.35, 0.18, 0.05]);
    }

    /// <summary>
    /// Per person: number of links, links to a convicted person, and links to a person who dropped out of school or
    /// has problematic debts (all layers).
    /// </summary>
    private static (int[] Degree, int[] Convicted, int[] Troubled) NetworkExposure(SyntheticWorld world)
    {
        var degree = new int[world.Persons.Count];
        var convicted = new int[world.Persons.Count];
        var troubled = new int[world.Persons.Count];
        const byte trouble = PersonTable.Dropout | PersonTable.Debt;
        var flags = world.Persons.Flags;
        foreach (var chunk in world.Network.Chunks)
        {
            var a = chunk.A.Items;
            var b = chunk.B.Items;
            for (var i = 0; i < chunk.Count; i++)
            {
                var x = a[i];
                var y = b[i];
                degree[x]++;
                degree[y]++;
                if ((flags[y] & PersonTable.Convicted) != 0) convicted[x]++;
                if ((flags[x] & PersonTable.Convicted) != 0) convicted[y]++;
                if ((flags[y] & trouble) != 0) troubled[x]++;
                if ((flags[x] & trouble) != 0) troubled[y]++;
            }
        }
        return (degree, convicted, troubled);
    }

    private static CrimeRecords YouthDrugs(SyntheticWorld world, int m, int[] degree, int[] convicted, int[] troubled)
    {
        var rng = Rng.For(world.Options.Seed, Stage.YouthDrugs, m);
        var persons = world.Persons;
        var records = new CrimeRecords();
        for (var p = world.PersonStart[m]; p < world.PersonStart[m + 1]; p++)
        {
            var age = world.Age(p);
            if (age is < 10 or > 26) continue;
            var baseRate = age switch { < 14 => 0.015, < 24 => 0.09, _ => 0.06 } * (persons.Sex[p] == 1 ? 0.3 : 1);
            var share = degree[p] == 0 ? 0 : (double)convicted[p] / degree[p];
            var troubledShare = degree[p] == 0 ? 0 : (double)troubled[p] / degree[p];
            var rate = baseRate * (0.02 + 28 * share) * (0.3 + 15 * troubledShare) * Math.Sqrt(world.Households.Risk[persons.Household[p]])
                       * ((persons.Flags[p] & PersonTable.Dropout) != 0 ? 1.8 : 1);
            if (!rng.Chance(Math.Min(0.9, rate))) continue;
            var count = 1 + (rng.Chance(0.35) ? 1 : 0) + (rng.Chance(0.1) ? 1 : 0);
            for (var k = 0; k < count; k++)
                AddOffence(world, records, p, m, (byte)(rng.Chance(0.35) ? 0 : 1), 0.5, ref rng);
        }
        return records;
    }
}
