namespace Workbench.Microdata.Identifiers;

/// <summary>
/// Burgerservicenummer: nine digits that pass the 11-proof (weights 9..2 on the first eight digits, -1 on the last;
/// the sum is divisible by 11).
/// </summary>
public static class Bsn
{
    /// <summary>Whether <paramref name="value"/> is a valid nine-digit BSN.</summary>
    public static bool IsValid(long value)
    {
        if (value < 10_000_000 || value > 999_999_999) return false;
        var check = (int)(value % 10);
        var rest = value / 10;
        var sum = -check;
        for (var weight = 2; weight <= 9; weight++)
        {
            sum += (int)(rest % 10) * weight;
            rest /= 10;
        }
        return sum % 11 == 0;
    }

    /// <summary>Whether the nine-character text is a valid BSN.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.Length != 9) return false;
        long value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return IsValid(value);
    }

    /// <summary>The check digit for an eight-digit prefix, or -1 when none exists (the weighted sum leaves 10).</summary>
    public static int CheckDigit(int prefix)
    {
        var sum = 0;
        for (var weight = 2; weight <= 9; weight++)
        {
            sum += prefix % 10 * weight;
            prefix /= 10;
        }
        var check = sum % 11;
        return check == 10 ? -1 : check;
    }

    /// <summary>
    /// <paramref name="count"/> distinct BSNs in a seed-dependent order: an affine permutation of the eight-digit prefix
    /// space 10000000..99999999 with the computed check digit, skipping prefixes without one.
    /// </summary>
    public static int[] Generate(int count, int seed)
    {
        const long space = 90_000_000;
        var (a, b) = AffinePermutation.Coefficients(space, seed, 0xB5);
        var result = new int[count];
        long k = 0;
        for (var i = 0; i < count;)
        {
            if (k >= space) throw new InvalidOperationException("BSN space exhausted");
            var prefix = (int)(10_000_000 + AffinePermutation.Apply(k++, a, b, space));
            var check = CheckDigit(prefix);
            if (check < 0) continue;
            result[i++] = prefix * 10 + check;
        }
        return result;
    }
}
