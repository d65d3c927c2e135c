using System.Globalization;
using Workbench.Microdata.Generation;

namespace Workbench.Microdata.Geography;

/// <summary>Builds the <see cref="NationalGeography"/> for a seed.</summary>
internal static class GeographyBuilder
{
    public const int MunicipalityCount = 342;
    private const double NationalPopulation = 17_950_000;
    private const int Regions = 12;

    public static NationalGeography Build(int seed)
    {
        var rng = Rng.For(seed, Stage.Geography);
        var drafts = DraftMunicipalities(ref rng);
        drafts.Sort((x, y) => x.Code.CompareTo(y.Code));

        var municipalities = new Municipality[drafts.Count];
        var wijken = new List<WijkArea>(3200);
        var buurten = new List<BuurtArea>(15000);
        for (var m = 0; m < drafts.Count; m++)
        {
            var d = drafts[m];
            var price = (d.Urbanity switch { 1 => 5200.0, 2 => 4100, 3 => 3700, 4 => 3350, _ => 3150 }) * rng.LogNormal(1, 0.08);
            if (d.Code == 363) price = 7600;
            var muni = new Municipality(m, d.Code, d.Name, d.Urbanity, d.Population, m * Regions / drafts.Count, price)
            {
                FirstBuurt = buurten.Count,
            };
            municipalities[m] = muni;
            AddWijken(ref rng, muni, wijken, buurten);
            muni.BuurtCount = buurten.Count - muni.FirstBuurt;
        }

        // Postcode digits follow the area order, as they roughly do in the Netherlands.
        for (var w = 0; w < wijken.Count; w++)
            wijken[w] = wijken[w] with { Pc4 = 1000 + (int)((long)w * 8999 / wijken.Count) };

        return new NationalGeography
        {
            Municipalities = municipalities, Wijken = [.. wijken], Buurten = [.. buurten], RegionCount = Regions,
        };
    }

    private static List<(int Code, string Name, double Population, int Urbanity)> DraftMunicipalities(ref Rng rng)
    {
        var real = RealMunicipalities.All;
        var result = new List<(int, string, double, int)>(MunicipalityCount);
        var usedCodes = new HashSet<int>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        double realTotal = 0;
        foreach (var r in real)
        {
            result.Add((r.Code, r.Name, r.Population, r.Urbanity));
            usedCodes.Add(r.Code);
            usedNames.Add(r.Name);
            realTotal += r.Population;
        }

        var synthetic = MunicipalityCount - real.Length;
        var sizes = new double[synthetic];
        double sum = 0;
        for (var i = 0; i < synthetic; i++)
        {
            sizes[i] = Math.Clamp(rng.LogNormal(27_000, 0.7), 950, 97_000);
            sum += sizes[i];
        }
        var scale = (NationalPopulation - realTotal) / sum;
        var codes = new List<int>(2000);
        for (var c = 1; c <= 1999; c++) if (!usedCodes.Contains(c)) codes.Add(c);
        for (var i = 0; i < synthetic; i++)
        {
            var j = i + rng.Next(codes.Count - i);
            (codes[i], codes[j]) = (codes[j], codes[i]);
            var population = Math.Clamp(sizes[i] * scale, 950, 99_000);
            string name;
            do
            {
                name = PlaceNames.TownStems[rng.Next(PlaceNames.TownStems.Length)]
                       + PlaceNames.TownSuffixes[rng.Next(PlaceNames.TownSuffixes.Length)];
            }
            while (!usedNames.Add(name));
            var urbanity = population switch { > 80_000 => 2, > 40_000 => 3, > 20_000 => 4, _ => 5 };
            if (rng.Chance(0.25)) urbanity = Math.Clamp(urbanity + (rng.Chance(0.5) ? 1 : -1), 2, 5);
            result.Add((codes[i], name, population, urbanity));
        }
        return result;
    }

    private static void AddWijken(ref Rng rng, Municipality muni, List<WijkArea> wijken, List<BuurtArea> buurten)
    {
        var wijkCount = Math.Clamp((int)Math.Round(muni.Population / 6000 * rng.LogNormal(1, 0.15)), 1, 99);
        Span<double> shares = stackalloc double[wijkCount];
        Span<double> bshares = stackalloc double[99];
        double total = 0;
        for (var w = 0; w < wijkCount; w++) total += shares[w] = rng.LogNormal(1, 0.45);
        var bigCity = muni.Urbanity == 1;
        for (var w = 0; w < wijkCount; w++)
        {
            var wijkPopulation = muni.Population * shares[w] / total;
            var wijkCode = muni.Code * 100 + w + 1;
            var label = w == 0 ? "Centrum" : PlaceNames.WijkNames[rng.Next(PlaceNames.WijkNames.Length)];
            var wijkIndex = wijken.Count;
            wijken.Add(new WijkArea(wijkCode, string.Create(CultureInfo.InvariantCulture, $"Wijk {w + 1:D2} {label}"), muni.Index, 0));
            var wijkDeprivation = rng.Normal() * (bigCity ? 0.8 : 0.55);
            var outer = w > wijkCount / 3;
            var rural = muni.Urbanity >= 4 ? 1 : 0;
            var buurtCount = Math.Clamp((int)Math.Round(wijkPopulation / 1380 * rng.LogNormal(1, 0.2)) + rural, 1, 99);
            double btotal = 0;
            for (var b = 0; b < buurtCount; b++) btotal += bshares[b] = rng.LogNormal(1, 0.6);
            for (var b = 0; b < buurtCount; b++)
            {
                var park = buurtCount >= 3 && rng.Chance(0.06);
                var population = wijkPopulation * bshares[b] / btotal * (park ? 0.04 : 1);
                var urbanity = Math.Clamp(muni.Urbanity + (outer && rng.Chance(0.4) ? 1 : 0) - (w == 0 && muni.Urbanity > 1 ? 1 : 0), 1, 5);
                var name = park
                    ? "Bedrijventerrein " + PlaceNames.StreetStems[rng.Next(PlaceNames.StreetStems.Length)]
                    : PlaceNames.BuurtStems[rng.Next(PlaceNames.BuurtStems.Length)] + PlaceNames.BuurtSuffixes[rng.Next(PlaceNames.BuurtSuffixes.Length)];
                buurten.Add(new BuurtArea(
                    buurten.Count, (long)wijkCode * 100 + b + 1, name, wijkIndex, muni.Index, urbanity, population,
                    wijkDeprivation + rng.Normal() * 0.5, park));
            }
        }
    }
}
