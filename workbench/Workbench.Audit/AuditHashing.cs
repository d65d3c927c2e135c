using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Workbench.Audit;

/// <summary>
/// The canonical encoding of an entry and its SHA-256. The encoding is frozen: a domain tag, the sequence and time as
/// 8-byte big-endian integers, then each text field as a 4-byte big-endian length and its UTF-8 bytes. Length
/// prefixes make the encoding injective, so no two different entries share an encoding.
/// </summary>
public static class AuditHashing
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private static readonly byte[] DomainTag = "workbench-audit-entry-v1"u8.ToArray();

    /// <summary>Hex SHA-256 of the canonical encoding of the given fields.</summary>
    public static string EntryHash(
        long sequence, long occurredAtMs, string actor, string action, string subject, string details, string previousHash)
    {
        using var buffer = new MemoryStream();
        buffer.Write(DomainTag);
        WriteInt64(buffer, sequence);
        WriteInt64(buffer, occurredAtMs);
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[] { actor, action, subject, details, previousHash })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteInt64(MemoryStream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }
}
