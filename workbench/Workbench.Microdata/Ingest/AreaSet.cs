using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Ingest;

/// <summary>The known gemeente, wijk and buurt codes, looked up by span so valid codes allocate nothing.</summary>
internal sealed class AreaSet
{
    private readonly HashSet<string>[] _codes = [[], [], [], []];

    /// <summary>Adds a code; <c>false</c> when it was already known.</summary>
    public bool Add(AreaLevel level, string code) => _codes[(int)level].Add(code);

    /// <summary>The stored instance of a known code.</summary>
    public bool TryGet(AreaLevel level, ReadOnlySpan<char> code, out string stored) =>
        _codes[(int)level].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out stored!);

    /// <summary>The two-letter prefix and digit count of a level's codes.</summary>
    public static (string Prefix, int Digits) FormatOf(AreaLevel level) => level switch
    {
        AreaLevel.Gemeente => ("GM", 4),
        AreaLevel.Wijk => ("WK", 6),
        AreaLevel.Buurt => ("BU", 8),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not an area level"),
    };

    /// <summary>Whether a code has its level's prefix and digit count.</summary>
    public static bool HasFormat(AreaLevel level, ReadOnlySpan<char> code)
    {
        var (prefix, digits) = FormatOf(level);
        if (code.Length != 2 + digits || !code.StartsWith(prefix, StringComparison.Ordinal)) return false;
        foreach (var c in code[2..])
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}
