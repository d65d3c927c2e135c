using System.Security.Cryptography;

namespace Workbench.Audit;

/// <summary>
/// The Merkle Tree Hash of RFC 6962 (section 2.1): a leaf is SHA-256(0x00 || data), an inner node
/// SHA-256(0x01 || left || right), and a list of n &gt; 1 leaves splits at the largest power of two below n. The
/// distinct prefixes keep a leaf from being passed off as a node. The leaves of the audit log are its entry hashes.
/// </summary>
public static class MerkleTree
{
    /// <summary>SHA-256(0x00 || data).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var input = new byte[data.Length + 1];
        input[0] = 0x00;
        data.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var input = new byte[1 + left.Length + right.Length];
        input[0] = 0x01;
        left.CopyTo(input.AsSpan(1));
        right.CopyTo(input.AsSpan(1 + left.Length));
        return SHA256.HashData(input);
    }

    /// <summary>The root over the given leaf data (not yet leaf-hashed); SHA-256 of nothing for an empty list.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafData)
    {
        ArgumentNullException.ThrowIfNull(leafData);
        if (leafData.Count == 0)
        {
            return SHA256.HashData([]);
        }
        var leaves = new byte[leafData.Count][];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = LeafHash(leafData[i]);
        }
        return Subtree(leaves, 0, leaves.Length);
    }

    private static byte[] Subtree(byte[][] leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }
        var split = LargestPowerOfTwoBelow(count);
        return NodeHash(Subtree(leaves, start, split), Subtree(leaves, start + split, count - split));
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }
        return k;
    }
}
