using Workbench.Microdata.Geography;

namespace Workbench.Microdata.Generation;

/// <summary>Street names and postcode letters as small integer codes; the text is built only when writing.</summary>
internal static class StreetNames
{
    /// <summary>Two letters A-Z, without the combinations PostNL does not use (SA, SD, SS).</summary>
    public static readonly string[] PostcodeLetters = BuildLetters();

    public static int PostcodeLetterCount => PostcodeLetters.Length;

    /// <summary>All street names: every stem with every suffix.</summary>
    public static readonly string[] All = BuildNames();

    private static readonly int IndustrialStart = Array.IndexOf(PlaceNames.StreetStems, "Industrie");

    public static int Draw(ref Rng rng) => rng.Next(All.Length);

    public static int Industrial(ref Rng rng) =>
        (IndustrialStart + rng.Next(4)) * PlaceNames.StreetSuffixes.Length + rng.Next(3);

    private static string[] BuildNames()
    {
        var names = new string[PlaceNames.StreetStems.Length * PlaceNames.StreetSuffixes.Length];
        for (var s = 0; s < PlaceNames.StreetStems.Length; s++)
            for (var x = 0; x < PlaceNames.StreetSuffixes.Length; x++)
                names[s * PlaceNames.StreetSuffixes.Length + x] = PlaceNames.StreetStems[s] + PlaceNames.StreetSuffixes[x];
        return names;
    }

    private static string[] BuildLetters()
    {
        var list = new List<string>(676);
        for (var a = 'A'; a <= 'Z'; a++)
            for (var b = 'A'; b <= 'Z'; b++)
            {
                if (a == 'S' && b is 'A' or 'D' or 'S') continue;
                list.Add(string.Concat(a.ToString(), b.ToString()));
            }
        return [.. list];
    }
}
