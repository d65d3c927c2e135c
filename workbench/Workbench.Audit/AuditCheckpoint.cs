using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Workbench.Audit;

/// <summary>
/// A signed statement that the first <see cref="TreeSize"/> entries of the log have the Merkle root
/// <see cref="RootHash"/>. A checkpoint pins the log: rewriting or truncating the entries it covers is detectable
/// even by someone who recomputes the whole hash chain, because they cannot sign a new checkpoint without the key.
/// </summary>
/// <param name="TreeSize">How many entries, from sequence 1, the root covers.</param>
/// <param name="RootHash">Hex RFC 6962 Merkle root over the entry hashes.</param>
/// <param name="SignedAtMs">When it was signed, in Unix milliseconds.</param>
/// <param name="Signature">Hex HMAC-SHA256 over the canonical encoding of the other fields.</param>
public sealed record AuditCheckpoint(long TreeSize, string RootHash, long SignedAtMs, string Signature)
{
    private static readonly byte[] DomainTag = "workbench-audit-checkpoint-v1"u8.ToArray();

    /// <summary>A checkpoint over <paramref name="entryHashes"/> (hex, in sequence order) signed with <paramref name="key"/>.</summary>
    public static AuditCheckpoint Sign(IReadOnlyList<string> entryHashes, DateTimeOffset signedAt, CheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(entryHashes);
        ArgumentNullException.ThrowIfNull(key);
        var root = Convert.ToHexStringLower(MerkleTree.Root([.. entryHashes.Select(Convert.FromHexString)]));
        var at = signedAt.ToUnixTimeMilliseconds();
        var signature = Convert.ToHexStringLower(Mac(entryHashes.Count, root, at, key));
        return new AuditCheckpoint(entryHashes.Count, root, at, signature);
    }

    /// <summary>Whether the signature was made with <paramref name="key"/>, compared in constant time.</summary>
    public bool HasValidSignature(CheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(claimed, Mac(TreeSize, RootHash, SignedAtMs, key));
    }

    private static byte[] Mac(long treeSize, string rootHash, long signedAtMs, CheckpointKey key)
    {
        var input = new byte[DomainTag.Length + 16 + rootHash.Length];
        DomainTag.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(DomainTag.Length), treeSize);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(DomainTag.Length + 8), signedAtMs);
        System.Text.Encoding.ASCII.GetBytes(rootHash, input.AsSpan(DomainTag.Length + 16));
        return HMACSHA256.HashData(key.Bytes, input);
    }
}
