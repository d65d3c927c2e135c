using System.Text;

namespace Workbench.Networks.Core;

/// <summary>
/// The binary layout of a network cache file: a 512-byte header, then the sorted person pseudonyms
/// (<c>long[n]</c>), the CSR offsets (<c>long[n+1]</c>), the neighbour ids (<c>int[m]</c>) and one layer mask per
/// neighbour (<c>byte[m]</c>). Offsets are 64-bit so that m may exceed 2^31 (the national network has ~2.8 billion
/// adjacency entries); the file is memory-mapped, never read into .NET arrays.
/// </summary>
internal static class NetworkFileLayout
{
    public const ulong Magic = 0x3152_5343_5445_4E57; // "WNETCSR1" little-endian
    public const int Version = 1;
    public const int HeaderSize = 512;
    public const int LayerNameBytes = 32;

    // Header fields: magic (8), version (4), layer count (4), vertex count (8), entry count (8), layer names (8 × 32).
    public static long IdsOffset => HeaderSize;

    public static long OffsetsOffset(long n) => HeaderSize + 8 * n;

    public static long NeighboursOffset(long n) => OffsetsOffset(n) + 8 * (n + 1);

    public static long MasksOffset(long n, long m) => NeighboursOffset(n) + 4 * m;

    public static long FileSize(long n, long m) => MasksOffset(n, m) + m;

    public static unsafe void WriteHeader(byte* file, IReadOnlyList<string> layers, long n, long m)
    {
        new Span<byte>(file, HeaderSize).Clear();
        *(ulong*)file = Magic;
        *(int*)(file + 8) = Version;
        *(int*)(file + 12) = layers.Count;
        *(long*)(file + 16) = n;
        *(long*)(file + 24) = m;
        for (var i = 0; i < layers.Count; i++)
        {
            var target = new Span<byte>(file + 32 + i * LayerNameBytes, LayerNameBytes);
            if (!Encoding.UTF8.TryGetBytes(layers[i], target[..^1], out _))
            {
                throw new NetworkFormatException($"layer name '{layers[i]}' is longer than {LayerNameBytes - 1} bytes");
            }
        }
    }

    public static unsafe (int Layers, long N, long M, string[] Names) ReadHeader(byte* file, long length, string path)
    {
        if (length < HeaderSize || *(ulong*)file != Magic) throw new NetworkFormatException(path, "not a Workbench network file");
        var version = *(int*)(file + 8);
        if (version != Version) throw new NetworkFormatException(path, $"version {version}, expected {Version}");
        var layers = *(int*)(file + 12);
        var n = *(long*)(file + 16);
        var m = *(long*)(file + 24);
        if (layers is < 1 or > LayerMask.MaxLayers || n < 0 || m < 0 || FileSize(n, m) != length)
        {
            throw new NetworkFormatException(path, $"inconsistent header (layers {layers}, vertices {n}, entries {m}, {length} bytes)");
        }
        var names = new string[layers];
        for (var i = 0; i < layers; i++)
        {
            var raw = new ReadOnlySpan<byte>(file + 32 + i * LayerNameBytes, LayerNameBytes);
            var length0 = raw.IndexOf((byte)0);
            names[i] = Encoding.UTF8.GetString(length0 < 0 ? raw : raw[..length0]);
        }
        return (layers, n, m, names);
    }
}
