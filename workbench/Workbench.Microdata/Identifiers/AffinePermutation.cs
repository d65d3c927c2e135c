namespace Workbench.Microdata.Identifiers;

/// <summary>
/// <c>k -> (a*k + b) mod m</c> with <c>gcd(a, m) = 1</c>: a bijection of [0, m) that turns sequence numbers into
/// unique, non-sequential-looking identifiers without any lookup table.
/// </summary>
internal static class AffinePermutation
{
    public static (long A, long B) Coefficients(long modulus, int seed, int salt)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)salt * 0xD1B54A32D192ED03UL);
        x ^= x >> 29;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 32;
        var a = (long)(x % (ulong)(modulus / 2)) + modulus / 3;
        while (Gcd(a, modulus) != 1) a++;
        var b = (long)((x >> 7) % (ulong)modulus);
        return (a, b);
    }

    public static long Apply(long k, long a, long b, long modulus) => (long)((UInt128)(ulong)a * (ulong)k % (ulong)modulus + (ulong)b) % modulus;

    private static long Gcd(long x, long y)
    {
        while (y != 0) (x, y) = (y, x % y);
        return x;
    }
}
