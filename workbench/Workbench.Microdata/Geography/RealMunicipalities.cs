namespace Workbench.Microdata.Geography;

/// <summary>
/// The largest Dutch municipalities with their CBS codes and approximate populations (2024, rounded). Only relative
/// sizes matter: the generator scales them to the requested number of persons.
/// </summary>
internal static class RealMunicipalities
{
    public static readonly (int Code, string Name, int Population, int Urbanity)[] All =
    [
        (363, "Amsterdam", 931_000, 1),
        (599, "Rotterdam", 670_000, 1),
        (518, "'s-Gravenhage", 566_000, 1),
        (344, "Utrecht", 375_000, 1),
        (772, "Eindhoven", 246_000, 1),
        (14, "Groningen", 241_000, 1),
        (855, "Tilburg", 228_000, 1),
        (34, "Almere", 226_000, 2),
        (758, "Breda", 188_000, 2),
        (268, "Nijmegen", 184_000, 1),
        (200, "Apeldoorn", 168_000, 2),
        (202, "Arnhem", 166_000, 1),
        (392, "Haarlem", 164_000, 1),
        (394, "Haarlemmermeer", 163_000, 2),
        (153, "Enschede", 162_000, 2),
        (307, "Amersfoort", 161_000, 2),
        (479, "Zaanstad", 160_000, 2),
        (796, "'s-Hertogenbosch", 160_000, 2),
        (193, "Zwolle", 133_000, 2),
        (546, "Leiden", 128_000, 1),
        (637, "Zoetermeer", 127_000, 2),
        (80, "Leeuwarden", 126_000, 2),
        (935, "Maastricht", 123_000, 1),
        (505, "Dordrecht", 121_000, 2),
        (228, "Ede", 122_000, 3),
        (484, "Alphen aan den Rijn", 115_000, 3),
        (1783, "Westland", 113_000, 3),
        (361, "Alkmaar", 111_000, 2),
        (114, "Emmen", 108_000, 4),
        (503, "Delft", 105_000, 1),
        (983, "Venlo", 102_000, 3),
        (150, "Deventer", 101_000, 2),
    ];
}
