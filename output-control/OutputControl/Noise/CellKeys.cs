using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OutputControl.Noise;

/// <summary>
/// Record keys and cell keys of the cell-key method. A unit's record key is a uniform number in [0, 1) fixed by its id:
/// the first 8 bytes of SHA-256 of the id's UTF-8 bytes, read big-endian as a fraction of 2⁶⁴. A cell's key is the
/// fractional part of the sum of the record keys of the distinct units behind it — again uniform on [0, 1), the same
/// whenever the same units are behind a cell, and different as soon as one unit differs.
/// </summary>
/// <remarks>
/// Sums are taken in 64-bit integers, where wrapping addition is the fractional part exactly, so the order of the
/// units never matters. Keys are only as secret as the ids: the workbench's unit ids are project pseudonyms, so
/// nobody outside the project can compute them, and the same cell of two projects gets independent noise.
/// </remarks>
public static class CellKeys
{
    private const decimal TwoTo64 = 18446744073709551616m;

    /// <summary>A unit's record key, as a fraction of 2⁶⁴.</summary>
    public static ulong RecordKey(string unitId)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(unitId), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>A record key (or a sum of them, modulo 2⁶⁴) as the number in [0, 1) the contract carries.</summary>
    public static decimal ToNumber(ulong fraction) => fraction / TwoTo64;

    /// <summary>The cell key of the distinct units in <paramref name="unitIds"/> (duplicates count once).</summary>
    public static decimal Of(IEnumerable<string> unitIds)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ulong sum = 0;
        foreach (var id in unitIds.Distinct(StringComparer.Ordinal))
        {
            sum = unchecked(sum + RecordKey(id));
        }

        return ToNumber(sum);
    }
}
