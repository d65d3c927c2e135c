namespace Workbench.Microdata.Generation;

/// <summary>
/// Colleagues: co-workers at the same employer. Small employers link everyone; large ones link each employee to the
/// nearest <c>cap</c> co-workers in address order (as CBS caps the work layer), with the cap chosen so the layer's
/// average degree meets its target.
/// </summary>
internal static class ColleagueLayer
{
    public static LinkBuffer[] Build(SyntheticWorld world, double targetDegree, ParallelOptions po)
    {
        var persons = world.Persons;
        var companies = world.Companies.Count;
        var start = new int[companies + 1];
        for (var p = 0; p < persons.Count; p++)
            if (persons.Employer[p] >= 0) start[persons.Employer[p] + 1]++;
        for (var c = 0; c < companies; c++) start[c + 1] += start[c];
        var members = new int[start[^1]];
        var fill = (int[])start.Clone();
        for (var p = 0; p < persons.Count; p++)
            if (persons.Employer[p] >= 0) members[fill[persons.Employer[p]]++] = p;

        var cap = ChooseCap(start, targetDegree * persons.Count);
        var munis = world.Geography.Municipalities.Length;
        var result = new LinkBuffer[munis];
        Parallel.For(0, munis, po, m =>
        {
            var links = new LinkBuffer(LinkBuffer.Colleagues, 1024);
            for (var c = world.CompanyStart[m]; c < world.CompanyStart[m + 1]; c++)
            {
                var s = start[c];
                var k = start[c + 1] - s;
                if (k <= cap + 1)
                {
                    for (var a = 0; a < k; a++)
                        for (var b = a + 1; b < k; b++) links.Add(members[s + a], members[s + b], LinkBuffer.Colleague);
                }
                else
                {
                    var half = cap / 2;
                    for (var a = 0; a < k; a++)
                        for (var d = 1; d <= half; d++)
                        {
                            var x = members[s + a];
                            var y = members[s + (a + d) % k];
                            links.Add(Math.Min(x, y), Math.Max(x, y), LinkBuffer.Colleague);
                        }
                }
            }
            result[m] = links;
        });
        return result;
    }

    /// <summary>The even cap whose total degree (sum over employers) comes closest to the target.</summary>
    private static int ChooseCap(int[] start, double targetTotalDegree)
    {
        var sizes = new int[start.Length - 1];
        for (var c = 0; c < sizes.Length; c++) sizes[c] = start[c + 1] - start[c];
        Array.Sort(sizes);
        var distinct = new List<(double Size, double Count)>();
        foreach (var k in sizes)
        {
            if (distinct.Count > 0 && distinct[^1].Size == k) distinct[^1] = (k, distinct[^1].Count + 1);
            else distinct.Add((k, 1));
        }
        var best = 2;
        var bestError = double.MaxValue;
        for (var cap = 2; cap <= 2000; cap += 2)
        {
            double total = 0;
            foreach (var (k, count) in distinct) total += count * (k <= cap + 1 ? k * (k - 1) : k * cap);
            var error = Math.Abs(total - targetTotalDegree);
            if (error < bestError) { best = cap; bestError = error; }
            if (total > targetTotalDegree) break;
        }
        return best;
    }
}
