namespace Workbench.Microdata.Generation;

/// <summary>
/// Classmates: pupils aged 4-17 go to a school in their municipality (primary up to 11, secondary from 12; schools are
/// runs of neighbouring addresses) and are grouped by birth year into classes of at most about 28.
/// </summary>
internal static class SchoolLayer
{
    public static LinkBuffer Build(SyntheticWorld world, int m)
    {
        var rng = Rng.For(world.Options.Seed, Stage.School, m);
        var start = world.PersonStart[m];
        var end = world.PersonStart[m + 1];
        var links = new LinkBuffer(LinkBuffer.Classmates, (end - start) * 3 + 4);
        var primary = new List<int>[8];
        var secondary = new List<int>[6];
        for (var i = 0; i < primary.Length; i++) primary[i] = [];
        for (var i = 0; i < secondary.Length; i++) secondary[i] = [];
        var primaryLeft = rng.LogNormal(230, 0.4);
        var secondaryLeft = rng.LogNormal(950, 0.4);
        for (var p = start; p < end; p++)
        {
            var age = world.Age(p);
            if (age is >= 4 and <= 11)
            {
                primary[age - 4].Add(p);
                if (--primaryLeft <= 0)
                {
                    Flush(primary, links);
                    primaryLeft = rng.LogNormal(230, 0.4);
                }
            }
            else if (age is >= 12 and <= 17)
            {
                secondary[age - 12].Add(p);
                if (--secondaryLeft <= 0)
                {
                    Flush(secondary, links);
                    secondaryLeft = rng.LogNormal(950, 0.4);
                }
            }
        }
        Flush(primary, links);
        Flush(secondary, links);
        return links;
    }

    private static void Flush(List<int>[] cohorts, LinkBuffer links)
    {
        foreach (var cohort in cohorts)
        {
            var n = cohort.Count;
            if (n < 2)
            {
                cohort.Clear();
                continue;
            }
            var classes = (n + 27) / 28;
            // Pupil k goes to class k mod classes: classes are interleaved over the catchment area.
            for (var a = 0; a < n; a++)
                for (var b = a + classes; b < n; b += classes)
                    links.Add(cohort[a], cohort[b], LinkBuffer.Classmate);
            cohort.Clear();
        }
    }
}
