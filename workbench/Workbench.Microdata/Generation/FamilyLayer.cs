namespace Workbench.Microdata.Generation;

/// <summary>
/// Family across households: parents are matched to adult children who left home (by age difference 22-38 years,
/// mostly in the same municipality, otherwise elsewhere in the region); children of the same parents become siblings,
/// also of the brothers and sisters still living at home. Regions are partitions with their own random stream.
/// </summary>
internal static class FamilyLayer
{
    private const int FirstYear = 1900, Years = 140;

    public static LinkBuffer[] Build(SyntheticWorld world, ParallelOptions po)
    {
        var geo = world.Geography;
        var result = new LinkBuffer[geo.RegionCount];
        Parallel.For(0, geo.RegionCount, po, r =>
        {
            var rng = Rng.For(world.Options.Seed, Stage.Family, r);
            var munis = new List<int>();
            foreach (var muni in geo.Municipalities) if (muni.Region == r) munis.Add(muni.Index);
            var pools = new List<int>[munis.Count][];
            var links = new LinkBuffer(LinkBuffer.Family, 1024);
            for (var k = 0; k < munis.Count; k++) pools[k] = Pool(world, munis[k], ref rng);
            for (var k = 0; k < munis.Count; k++) MatchParents(world, munis[k], k, pools, links, ref rng);
            result[r] = links;
        });
        return result;
    }

    private static List<int>[] Pool(SyntheticWorld world, int m, ref Rng rng)
    {
        var byYear = new List<int>[Years];
        for (var y = 0; y < Years; y++) byYear[y] = [];
        for (var p = world.PersonStart[m]; p < world.PersonStart[m + 1]; p++)
        {
            if (world.Persons.Role[p] == PersonTable.Child) continue;
            var age = world.Age(p);
            if (age is < 18 or > 75) continue;
            byYear[DateOnly.FromDayNumber(world.Persons.BirthDay[p]).Year - FirstYear].Add(p);
        }
        foreach (var list in byYear)
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
        return byYear;
    }

    private static void MatchParents(SyntheticWorld world, int m, int k, List<int>[][] pools, LinkBuffer links, ref Rng rng)
    {
        var h = world.Households;
        var persons = world.Persons;
        Span<int> children = stackalloc int[8];
        for (var x = world.HouseholdStart[m]; x < world.HouseholdStart[m + 1]; x++)
        {
            var head = h.FirstPerson[x];
            var age = world.Age(head);
            if (age < 40 || h.Type[x] == HouseholdTable.Other) continue;
            var expected = age switch { < 50 => 0.35, < 60 => 1.3, < 70 => 1.9, _ => 2.1 };
            var wanted = Math.Min(children.Length, rng.Poisson(expected));
            var found = 0;
            var headYear = DateOnly.FromDayNumber(persons.BirthDay[head]).Year;
            for (var c = 0; c < wanted; c++)
            {
                var pool = rng.Chance(0.8) ? pools[k] : pools[rng.Next(pools.Length)];
                var child = Take(pool, headYear + rng.Between(22, 38) - FirstYear);
                if (child < 0 || persons.Household[child] == x) continue;
                // Two partners of one household are never matched as siblings.
                var sameHome = false;
                for (var d = 0; d < found; d++) sameHome |= persons.Household[children[d]] == persons.Household[child];
                if (!sameHome) children[found++] = child;
            }
            var partner = h.Size[x] >= 2 && persons.Role[head + 1] == PersonTable.Partner ? head + 1 : -1;
            for (var c = 0; c < found; c++)
            {
                links.Add(head, children[c], LinkBuffer.ParentChild);
                if (partner >= 0) links.Add(partner, children[c], LinkBuffer.ParentChild);
                for (var d = c + 1; d < found; d++) links.Add(children[c], children[d], LinkBuffer.Sibling);
                for (var p = head; p < head + h.Size[x]; p++)
                    if (persons.Role[p] == PersonTable.Child) links.Add(p, children[c], LinkBuffer.Sibling);
            }
        }
    }

    private static int Take(List<int>[] pool, int year)
    {
        for (var d = 0; d <= 2; d++)
            foreach (var y in d == 0 ? [year] : new[] { year - d, year + d })
            {
                if (y < 0 || y >= pool.Length) continue;
                var list = pool[y];
                if (list.Count == 0) continue;
                var p = list[^1];
                list.RemoveAt(list.Count - 1);
                return p;
            }
        return -1;
    }
}
