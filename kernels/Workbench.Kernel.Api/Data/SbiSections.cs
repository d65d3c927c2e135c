using System.Globalization;

namespace Workbench.Api;

/// <summary>
/// The sections of SBI 2008 (the Dutch NACE Rev. 2) and the divisions in each: a section is a letter A–U, a division
/// two digits, and each division lies in exactly one section.
/// </summary>
public static class SbiSections
{
    // The official division ranges per section (SBI 2008 / NACE Rev. 2); the gaps (04, 34, 40, ...) are no division.
    private static readonly (char Section, int First, int Last, string Name)[] s_ranges =
    [
        ('A', 1, 3, "Landbouw, bosbouw en visserij"),
        ('B', 5, 9, "Delfstoffenwinning"),
        ('C', 10, 33, "Industrie"),
        ('D', 35, 35, "Energievoorziening"),
        ('E', 36, 39, "Waterbedrijven en afvalbeheer"),
        ('F', 41, 43, "Bouwnijverheid"),
        ('G', 45, 47, "Handel"),
        ('H', 49, 53, "Vervoer en opslag"),
        ('I', 55, 56, "Logies-, maaltijd- en drankverstrekking"),
        ('J', 58, 63, "Informatie en communicatie"),
        ('K', 64, 66, "Financiële dienstverlening"),
        ('L', 68, 68, "Verhuur van en handel in onroerend goed"),
        ('M', 69, 75, "Specialistische zakelijke diensten"),
        ('N', 77, 82, "Verhuur en overige zakelijke diensten"),
        ('O', 84, 84, "Openbaar bestuur en overheidsdiensten"),
        ('P', 85, 85, "Onderwijs"),
        ('Q', 86, 88, "Gezondheids- en welzijnszorg"),
        ('R', 90, 93, "Cultuur, sport en recreatie"),
        ('S', 94, 96, "Overige dienstverlening"),
        ('T', 97, 98, "Huishoudens als werkgever"),
        ('U', 99, 99, "Extraterritoriale organisaties"),
    ];

    /// <summary>Every division, two digits, in order.</summary>
    public static IReadOnlyList<string> Divisions { get; } =
        [.. s_ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1)).Select(d => d.ToString("00", CultureInfo.InvariantCulture))];

    /// <summary>Each section letter with its name.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } =
        s_ranges.ToDictionary(r => r.Section.ToString(), r => r.Name, StringComparer.Ordinal);

    /// <summary>The section letter of a two-digit division (<c>"47"</c> → <c>"G"</c>).</summary>
    /// <exception cref="ArgumentException">For anything that is not an SBI 2008 division.</exception>
    public static string SectionOf(string division)
    {
        ArgumentNullException.ThrowIfNull(division);
        if (division.Length == 2 && int.TryParse(division, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            foreach (var r in s_ranges)
            {
                if (d >= r.First && d <= r.Last) return r.Section.ToString();
            }
        }
        throw new ArgumentException($"'{division}' is not an SBI 2008 division (two digits, 01–99, such as '47')", nameof(division));
    }
}
