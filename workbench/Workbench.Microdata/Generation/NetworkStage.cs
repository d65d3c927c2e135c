namespace Workbench.Microdata.Generation;

/// <summary>
/// The multilayer person network. Household, family and school links follow from the population; neighbour and
/// colleague windows are then sized so the average total degree meets <see cref="GeneratorOptions.AverageDegree"/>
/// (colleagues aim at 58% of what remains, so work is the largest layer; neighbours fill the rest).
/// </summary>
internal static class NetworkStage
{
    public static NetworkLinks Run(SyntheticWorld world, CancellationToken cancellationToken)
    {
        var munis = world.Geography.Municipalities.Length;
        var po = new ParallelOptions { CancellationToken = cancellationToken };
        var household = new LinkBuffer[munis];
        var school = new LinkBuffer[munis];
        Parallel.For(0, munis, po, m =>
        {
            household[m] = HouseholdLinks(world, m);
            school[m] = SchoolLayer.Build(world, m);
        });
        var family = FamilyLayer.Build(world, po);

        long structural = 0;
        foreach (var c in household) structural += c.Count;
        foreach (var c in school) structural += c.Count;
        foreach (var c in family) structural += c.Count;
        var n = (double)world.Persons.Count;
        var remaining = Math.Max(2, world.Options.AverageDegree - 2 * structural / n);

        var colleagues = ColleagueLayer.Build(world, remaining * 0.58, po);
        long work = 0;
        foreach (var c in colleagues) work += c.Count;

        // Neighbours take what the other layers leave (small employers cap the work layer in small runs). The window
        // estimate ignores municipality edges, so it is corrected against the measured degree a few times.
        var neighbourTarget = Math.Max(1, world.Options.AverageDegree - 2 * (structural + work) / n);
        var neighbours = new LinkBuffer[munis];
        var window = (neighbourTarget + HouseholdOverlap(world)) / 2;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            Parallel.For(0, munis, po, m => neighbours[m] = NeighbourLinks(world, m, window));
            long links = 0;
            foreach (var c in neighbours) links += c.Count;
            var degree = 2 * links / n;
            if (Math.Abs(degree - neighbourTarget) < 0.02 * neighbourTarget || degree == 0) break;
            window *= neighbourTarget / degree;
        }

        var chunks = new List<LinkBuffer>(munis * 5);
        chunks.AddRange(household);
        chunks.AddRange(family);
        chunks.AddRange(neighbours);
        chunks.AddRange(school);
        chunks.AddRange(colleagues);
        return new NetworkLinks(chunks);
    }

    private static LinkBuffer HouseholdLinks(SyntheticWorld world, int m)
    {
        var h = world.Households;
        var roles = world.Persons.Role;
        var links = new LinkBuffer(LinkBuffer.Household, (world.PersonStart[m + 1] - world.PersonStart[m]) + 4);
        for (var x = world.HouseholdStart[m]; x < world.HouseholdStart[m + 1]; x++)
        {
            var first = h.FirstPerson[x];
            var end = first + h.Size[x];
            for (var a = first; a < end; a++)
                for (var b = a + 1; b < end; b++)
                {
                    var ra = roles[a];
                    var rb = roles[b];
                    var relation = h.Type[x] == HouseholdTable.Other || ra == PersonTable.Housemate || rb == PersonTable.Housemate
                        ? LinkBuffer.Housemate
                        : ra == PersonTable.Child && rb == PersonTable.Child ? LinkBuffer.Sibling
                        : ra == PersonTable.Child || rb == PersonTable.Child ? LinkBuffer.ParentChild
                        : LinkBuffer.Partner;
                    links.Add(a, b, relation);
                }
        }
        return links;
    }

    /// <summary>Expected household members that fall inside a neighbour window and are skipped (sum k(k-1) / N).</summary>
    private static double HouseholdOverlap(SyntheticWorld world)
    {
        double sum = 0;
        var sizes = world.Households.Size;
        for (var h = 0; h < world.Households.Count; h++) sum += sizes[h] * (sizes[h] - 1);
        return sum / world.Persons.Count;
    }

    /// <summary>
    /// Each person links to the next persons in address order (buurt by buurt, so the window runs on into the adjacent
    /// buurt of the municipality), outside the own household.
    /// </summary>
    private static LinkBuffer NeighbourLinks(SyntheticWorld world, int m, double window)
    {
        var rng = Rng.For(world.Options.Seed, Stage.Neighbours, m);
        var start = world.PersonStart[m];
        var end = world.PersonStart[m + 1];
        var links = new LinkBuffer(LinkBuffer.Neighbours, (int)((end - start) * window) + 4);
        var hh = world.Persons.Household;
        var whole = (int)window;
        var fraction = window - whole;
        for (var a = start; a < end; a++)
        {
            var w = whole + (rng.Chance(fraction) ? 1 : 0);
            var taken = 0;
            for (var b = a + 1; b < end && taken < w; b++)
            {
                taken++;
                if (hh[b] != hh[a]) links.Add(a, b, LinkBuffer.Neighbour);
            }
        }
        return links;
    }
}
