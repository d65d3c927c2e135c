namespace Workbench.Microdata.Generation;

/// <summary>
/// First names and surnames with a rough origin mix (Dutch, Turkish, Moroccan, Surinamese/Antillean, other
/// European). Persons store indices into these tables, never strings.
/// </summary>
internal static class Names
{
    public const int Origins = 5;

    private static readonly string[][] Male =
    [
        ["Jan", "Pieter", "Johannes", "Hendrik", "Willem", "Cornelis", "Gerrit", "Kees", "Bram", "Daan", "Sem", "Lucas", "Finn", "Noah", "Thijs", "Jesse", "Ruben", "Tim", "Bas", "Joost", "Mark", "Dennis", "Sander", "Erik", "Wouter", "Jeroen", "Martijn", "Koen", "Lars", "Milan", "Sven", "Stijn", "Luuk", "Gijs", "Teun", "Mees", "Jelle", "Rik", "Frank", "Ton"],
        ["Mehmet", "Mustafa", "Ahmet", "Emre", "Yusuf", "Burak", "Hakan", "Murat", "Kerem", "Enes"],
        ["Mohammed", "Ahmed", "Youssef", "Ayoub", "Bilal", "Karim", "Hamza", "Soufiane", "Rachid", "Ilias"],
        ["Rajesh", "Glenn", "Romano", "Jurgen", "Dwayne", "Sergio", "Ricardo", "Anand", "Ravi", "Marvin"],
        ["Piotr", "Tomasz", "Marek", "Andrei", "Mihai", "Luca", "Marco", "Carlos", "Daniel", "Stefan"],
    ];

    private static readonly string[][] Female =
    [
        ["Maria", "Johanna", "Anna", "Cornelia", "Wilhelmina", "Emma", "Julia", "Tess", "Sophie", "Zoë", "Sara", "Anna", "Eva", "Lotte", "Fleur", "Lisa", "Sanne", "Femke", "Anouk", "Iris", "Marieke", "Linda", "Esther", "Ingrid", "Els", "Annemiek", "Noor", "Mila", "Lieke", "Roos", "Isa", "Nina", "Evi", "Saar", "Fenna", "Hanna", "Yara", "Ilse", "Karin", "Monique"],
        ["Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Merve", "Büşra", "Esra", "Derya", "Hatice"],
        ["Fatima", "Khadija", "Samira", "Nadia", "Salma", "Imane", "Yasmina", "Malika", "Naima", "Hafsa"],
        ["Shanti", "Priya", "Sharon", "Gracia", "Chantal", "Kimberly", "Natasha", "Anita", "Reshma", "Melissa"],
        ["Agnieszka", "Katarzyna", "Elena", "Ioana", "Giulia", "Laura", "Ana", "Marta", "Monika", "Eva"],
    ];

    private static readonly string[][] Surnames =
    [
        ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "Prins", "Blom", "Huisman", "Peeters", "de Lange", "Kuipers", "van Wijk", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijngaarden"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç", "Kurt"],
        ["El Amrani", "Bouzid", "El Idrissi", "Benali", "Boukhari", "El Khattabi", "Aziz", "Haddou", "Bakkali", "Amrani", "Tahiri", "Ouali"],
        ["Pinas", "Biharie", "Ramdin", "Sitaldin", "Wijngaarde", "Kross", "Martina", "Koeiman", "Doekhi", "Ramsaran"],
        ["Kowalski", "Nowak", "Wiśniewski", "Popescu", "Ionescu", "Rossi", "García", "Nguyen", "Müller", "Schmidt"],
    ];

    /// <summary>All first names, flattened.</summary>
    public static readonly string[] FirstNames;

    /// <summary>All surnames, flattened.</summary>
    public static readonly string[] SurnameTable;

    private static readonly (int Start, int Length)[] FirstRanges = new (int, int)[Origins * 2];
    private static readonly (int Start, int Length)[] SurnameRanges = new (int, int)[Origins];

    static Names()
    {
        var first = new List<string>();
        for (var o = 0; o < Origins; o++)
        {
            FirstRanges[o * 2] = (first.Count, Male[o].Length);
            first.AddRange(Male[o]);
            FirstRanges[o * 2 + 1] = (first.Count, Female[o].Length);
            first.AddRange(Female[o]);
        }
        FirstNames = [.. first];
        var last = new List<string>();
        for (var o = 0; o < Origins; o++)
        {
            SurnameRanges[o] = (last.Count, Surnames[o].Length);
            last.AddRange(Surnames[o]);
        }
        SurnameTable = [.. last];
    }

    /// <summary>Draws an origin: more diversity in deprived, strongly urban buurten.</summary>
    public static int DrawOrigin(ref Rng rng, int urbanity, double deprivation)
    {
        var nonDutch = Math.Clamp(0.10 + (urbanity == 1 ? 0.14 : urbanity == 2 ? 0.06 : 0) + 0.06 * deprivation, 0.03, 0.6);
        if (!rng.Chance(nonDutch)) return 0;
        return 1 + rng.Next(Origins - 1);
    }

    /// <summary>A first-name index for origin and sex (0 = M, 1 = V).</summary>
    public static ushort FirstName(ref Rng rng, int origin, int sex)
    {
        var (start, length) = FirstRanges[origin * 2 + sex];
        // Skewed towards the front of each list, as name frequencies are.
        var i = (int)(length * rng.NextDouble() * rng.NextDouble() * 1.999) % length;
        return (ushort)(start + i);
    }

    /// <summary>A surname index for an origin.</summary>
    public static ushort Surname(ref Rng rng, int origin)
    {
        var (start, length) = SurnameRanges[origin];
        var i = (int)(length * rng.NextDouble() * rng.NextDouble() * 1.999) % length;
        return (ushort)(start + i);
    }
}
