namespace Workbench.Microdata.Geography;

/// <summary>
/// The fixed national area structure of a synthetic delivery: about 340 municipalities (the largest real ones with
/// their real codes), about 3,000 wijken and about 14,000 buurten. It depends on the seed only, never on the number
/// of persons, so deliveries of different sizes share their geography.
/// </summary>
internal sealed class NationalGeography
{
    public required Municipality[] Municipalities { get; init; }

    public required WijkArea[] Wijken { get; init; }

    public required BuurtArea[] Buurten { get; init; }

    /// <summary>Number of regions (province-like groups of neighbouring municipalities).</summary>
    public required int RegionCount { get; init; }
}

/// <summary>A gemeente.</summary>
internal sealed record Municipality(
    int Index, int Code, string Name, int Urbanity, double Population, int Region, double PricePerM2)
{
    public int FirstBuurt { get; set; }

    public int BuurtCount { get; set; }

    public string CodeText => $"GM{Code:D4}";
}

/// <summary>A wijk; <see cref="Code"/> is gemeente digits followed by two wijk digits.</summary>
internal sealed record WijkArea(int Code, string Name, int Municipality, int Pc4)
{
    public string CodeText => $"WK{Code:D6}";
}

/// <summary>
/// A buurt; <see cref="Code"/> is wijk digits followed by two buurt digits. <see cref="Deprivation"/> is standardised
/// social deprivation (higher: lower incomes, more rented housing); a business park (bedrijventerrein) has few
/// residents and many non-residential objects.
/// </summary>
internal sealed record BuurtArea(
    int Index, long Code, string Name, int Wijk, int Municipality, int Urbanity, double Population,
    double Deprivation, bool IsBusinessPark)
{
    public string CodeText => $"BU{Code:D8}";
}
