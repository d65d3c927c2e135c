namespace Workbench.Microdata.Geography;

/// <summary>Word parts for synthetic but Dutch-sounding municipality, wijk, buurt and street names.</summary>
internal static class PlaceNames
{
    public static readonly string[] TownStems =
    [
        "Aal", "Berg", "Bols", "Bram", "Brug", "Dal", "Dronk", "Eem", "Elst", "Gel", "Goor", "Haar", "Heer", "Hil",
        "Hoog", "Hout", "Kamp", "Kerk", "Klein", "Lang", "Leer", "Lith", "Maar", "Mid", "Noord", "Oost", "Oud",
        "Ouder", "Raam", "Ros", "Schaar", "Sint Jans", "Sloot", "Steen", "Ter", "Vel", "Veen", "Vlie", "Wal", "Wes",
        "West", "Wijk", "Wolder", "Zand", "Zee", "Zuid", "Zwart", "Beek", "Broek", "Dieren", "Eek", "Grave",
    ];

    public static readonly string[] TownSuffixes =
    [
        "dam", "dijk", "drecht", "endaal", "erveen", "horst", "hoven", "huizen", "kerk", "land", "loo", "meer",
        "oord", "recht", "sum", "veld", "voorde", "wijk", "woude", "zand", "burg", "broek", "beek", "haven", "ingen",
    ];

    public static readonly string[] WijkNames =
    [
        "Centrum", "Binnenstad", "Noord", "Oost", "Zuid", "West", "Noordoost", "Zuidwest", "Stationsgebied",
        "Buitengebied", "Bedrijventerrein", "Nieuw-West", "De Hoven", "Het Dorp", "Oude Wijk", "Vinex-wijk",
        "Kanaalzone", "Havengebied", "Tuindorp", "De Velden",
    ];

    public static readonly string[] BuurtStems =
    [
        "Bloemen", "Vogel", "Schilders", "Componisten", "Bomen", "Rivieren", "Sterren", "Kastelen", "Molen", "Haven",
        "Kerk", "Polder", "Linden", "Eiken", "Beuken", "Waterland", "Zonne", "Oranje", "Dichters", "Vaart",
    ];

    public static readonly string[] BuurtSuffixes = ["buurt", "wijk", "kwartier", "park", "hof", "veld", "erf"];

    public static readonly string[] StreetStems =
    [
        "Kerk", "School", "Molen", "Dorps", "Lange", "Korte", "Nieuwe", "Oude", "Linden", "Eiken", "Beuken", "Wilgen",
        "Berken", "Kastanje", "Rozen", "Tulpen", "Narcissen", "Lelie", "Merel", "Lijster", "Spreeuwen", "Zwaluw",
        "Rembrandt", "Vermeer", "Van Gogh", "Mondriaan", "Hals", "Steen", "Beatrix", "Juliana", "Wilhelmina",
        "Oranje", "Nassau", "Prins Hendrik", "Stations", "Haven", "Markt", "Brink", "Dijk", "Polder", "Veen",
        "Industrie", "Ambacht", "Fabrieks", "Handels", "Zuider", "Noorder", "Ooster", "Wester", "Hoog",
    ];

    public static readonly string[] StreetSuffixes =
        ["straat", "laan", "weg", "plein", "singel", "kade", "gracht", "hof", "dreef", "pad", "steeg", "park"];
}
