namespace Workbench.Microdata.Pseudonymisation;

/// <summary>
/// Validation and canonical form of the identifiers that get pseudonyms: a BSN (9 digits, 11-proof), a KvK number
/// (8 digits), a BAG verblijfsobject id (16 digits) and a CBS household number (1 to 18 digits, leading zeros ignored).
/// The canonical form is the number written with the kind's fixed width, so "012345672" and "12345672" never meet.
/// </summary>
public static class IdentifierFormat
{
    private const int MaxHouseholdDigits = 18;

    /// <summary>The fixed number of digits of a kind, or 0 when its numbers vary in length (households).</summary>
    public static int Width(KeyKind kind) => kind switch
    {
        KeyKind.Person => 9,
        KeyKind.Company => 8,
        KeyKind.Building => 16,
        KeyKind.Household => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown key kind"),
    };

    /// <summary>
    /// Parses an identifier of <paramref name="kind"/>. Returns <c>null</c> and its numeric value when valid, else the
    /// problem (<c>"fails 11-proof"</c>, <c>"must be 9 digits"</c>).
    /// </summary>
    public static string? TryParse(KeyKind kind, ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        var width = Width(kind);
        if (width > 0 ? text.Length != width : text.Length is 0 or > MaxHouseholdDigits)
        {
            return width > 0 ? $"must be {width} digits" : $"must be 1 to {MaxHouseholdDigits} digits";
        }
        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9) return width > 0 ? $"must be {width} digits" : $"must be 1 to {MaxHouseholdDigits} digits";
            value = value * 10 + digit;
        }
        if (kind == KeyKind.Person && !PassesElevenProof(text)) return "fails 11-proof";
        return null;
    }

    /// <summary>The BSN 11-proof on 9 digits: weights 9..2 and -1, the sum divisible by 11.</summary>
    public static bool PassesElevenProof(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (9 - i) * (nineDigits[i] - '0');
        sum -= nineDigits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>Writes the canonical ASCII digits of an identifier; returns the number of bytes written.</summary>
    internal static int WriteCanonical(KeyKind kind, ulong value, Span<byte> destination)
    {
        var width = Width(kind);
        if (!value.TryFormat(destination, out var written, width > 0 ? FormatOf(width) : default,
                System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("destination too small for an identifier", nameof(destination));
        }
        return written;
    }

    private static ReadOnlySpan<char> FormatOf(int width) => width switch
    {
        9 => "D9",
        8 => "D8",
        16 => "D16",
        _ => throw new ArgumentOutOfRangeException(nameof(width)),
    };
}
