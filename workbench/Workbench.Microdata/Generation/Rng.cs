using System.Numerics;
using System.Runtime.CompilerServices;

namespace Workbench.Microdata.Generation;

/// <summary>
/// A small, fast, seedable random stream (xoshiro256**). Every partition of the generator (a municipality, a region,
/// a stage) derives its own stream from the seed, a stage id and a partition index, so output never depends on thread
/// scheduling. Mutable struct: pass it by <c>ref</c>.
/// </summary>
internal struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream for one stage and partition of a run.</summary>
    public static Rng For(int seed, Stage stage, int partition = 0)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)stage << 40) ^ (ulong)(uint)partition);
        var rng = new Rng();
        rng._s0 = SplitMix(ref x);
        rng._s1 = SplitMix(ref x);
        rng._s2 = SplitMix(ref x);
        rng._s3 = SplitMix(ref x);
        return rng;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>Uniform integer in [min, max] (inclusive).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal deviate (Box-Muller; one value per call keeps the stream simple).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Poisson deviate for small means (Knuth).</summary>
    public int Poisson(double mean)
    {
        var l = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > l && k < 100)
        {
            k++;
            p *= NextDouble();
        }
        return k;
    }

    /// <summary>Index drawn from small cumulative-free weights.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        var u = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Length - 1;
    }
}

/// <summary>Stage ids that separate the random streams of the generator. Values are frozen: changing one changes output.</summary>
internal enum Stage
{
    Geography = 1,
    Allocation = 2,
    Households = 3,
    Identifiers = 4,
    Companies = 5,
    Jobs = 6,
    Ownership = 7,
    Family = 8,
    Neighbours = 9,
    School = 10,
    Colleagues = 11,
    Crime = 12,
    YouthDrugs = 13,
    CompanyCrime = 14,
    Dismantlings = 15,
    Fiu = 16,
    RiskFactors = 17,
    Incomes = 18,
}
