namespace Workbench.Networks.Prevalence;

/// <summary>
/// Matches cases to a comparison group within strata (e.g. birth year × sex × municipality): per stratum it draws up
/// to <c>controlsPerCase × cases</c> candidates without replacement, with a fixed seed so a rerun gives the same
/// group. Strata and candidates are visited in sorted order, so the draw depends only on the inputs and the seed.
/// </summary>
public static class StratifiedMatching
{
    /// <summary>Matches <paramref name="cases"/> to candidates from <paramref name="pool"/>.</summary>
    /// <param name="cases">Case vertices; duplicates are ignored.</param>
    /// <param name="pool">Candidate vertices; cases in it are never drawn.</param>
    /// <param name="stratum">The stratum key of a vertex.</param>
    /// <param name="controlsPerCase">Controls wanted per case (at least 1).</param>
    /// <param name="seed">Seed of the draw.</param>
    public static MatchedSample Match(IEnumerable<int> cases, IEnumerable<int> pool, Func<int, long> stratum, int controlsPerCase, int seed)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(stratum);
        ArgumentOutOfRangeException.ThrowIfLessThan(controlsPerCase, 1);
        var caseSet = new HashSet<int>(cases);
        var caseStrata = caseSet.Order().GroupBy(stratum).ToDictionary(g => g.Key, g => g.ToArray());
        var candidates = pool.Where(v => !caseSet.Contains(v)).Distinct().Order()
            .GroupBy(stratum).Where(g => caseStrata.ContainsKey(g.Key)).ToDictionary(g => g.Key, g => g.ToArray());

        var random = new Random(seed);
        List<int> matched = [], unmatched = [], controls = [];
        List<double> weights = [];
        var strata = 0;
        foreach (var key in caseStrata.Keys.Order())
        {
            var stratumCases = caseStrata[key];
            if (!candidates.TryGetValue(key, out var available))
            {
                unmatched.AddRange(stratumCases);
                continue;
            }
            strata++;
            matched.AddRange(stratumCases);
            var take = (int)Math.Min((long)stratumCases.Length * controlsPerCase, available.Length);
            // Partial Fisher-Yates: the first `take` positions become a uniform sample without replacement.
            for (var i = 0; i < take; i++)
            {
                var j = random.Next(i, available.Length);
                (available[i], available[j]) = (available[j], available[i]);
                controls.Add(available[i]);
                weights.Add(stratumCases.Length / (double)take);
            }
        }
        return new MatchedSample([.. matched], [.. controls], [.. weights], [.. unmatched], strata);
    }
}
