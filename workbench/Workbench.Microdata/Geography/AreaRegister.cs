namespace Workbench.Microdata.Geography;

/// <summary>The level of a code in the <see cref="AreaRegister"/>.</summary>
public enum RegisterLevel
{
    /// <summary>A municipality, <c>GM</c> and four digits.</summary>
    Gemeente,

    /// <summary>A district, <c>WK</c>, the four gemeente digits and two wijk digits.</summary>
    Wijk,
}

/// <summary>A municipality or wijk the register knows, with its name and the municipality it lies in.</summary>
public sealed record RegisteredArea(string Code, string Name, RegisterLevel Level, string GemeenteCode);

/// <summary>
/// The gemeente and wijk codes of the national geography that deliveries of a seed use (the same codes the
/// <c>areas</c> dataset carries after ingest), for checking codes that people type, such as the area of a research
/// question. The geography depends on the seed only, so the register needs neither a store nor a delivery.
/// </summary>
public sealed class AreaRegister
{
    private readonly Dictionary<string, RegisteredArea> _areas;

    private AreaRegister(Dictionary<string, RegisteredArea> areas, IReadOnlyList<RegisteredArea> gemeenten)
    {
        _areas = areas;
        Gemeenten = gemeenten;
    }

    /// <summary>Every municipality, by code.</summary>
    public IReadOnlyList<RegisteredArea> Gemeenten { get; }

    /// <summary>How many codes (gemeenten and wijken) the register knows.</summary>
    public int Count => _areas.Count;

    /// <summary>The register of the geography generated with <paramref name="seed"/>.</summary>
    public static AreaRegister ForSeed(int seed)
    {
        var geography = GeographyBuilder.Build(seed);
        var areas = new Dictionary<string, RegisteredArea>(StringComparer.Ordinal);
        var gemeenten = new List<RegisteredArea>(geography.Municipalities.Length);
        foreach (var m in geography.Municipalities)
        {
            var area = new RegisteredArea(m.CodeText, m.Name, RegisterLevel.Gemeente, m.CodeText);
            areas.Add(area.Code, area);
            gemeenten.Add(area);
        }
        foreach (var w in geography.Wijken)
        {
            var gemeente = geography.Municipalities[w.Municipality];
            areas.Add(w.CodeText, new RegisteredArea(w.CodeText, $"{w.Name} ({gemeente.Name})", RegisterLevel.Wijk, gemeente.CodeText));
        }
        return new AreaRegister(areas, gemeenten);
    }

    /// <summary>The area with this code (exact, upper-case), if the register knows it.</summary>
    public bool TryFind(string code, out RegisteredArea area) => _areas.TryGetValue(code ?? "", out area!);

    /// <summary>The wijken of a municipality, by code.</summary>
    public IEnumerable<RegisteredArea> WijkenOf(string gemeenteCode) =>
        _areas.Values.Where(a => a.Level == RegisterLevel.Wijk && a.GemeenteCode == gemeenteCode).OrderBy(a => a.Code, StringComparer.Ordinal);
}
