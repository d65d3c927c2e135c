using System.Security.Cryptography;
using Workbench.Audit;

namespace Workbench.Server.Tests.Audit;

public class MerkleTreeTests
{
    private static byte[] H(params byte[][] parts) => SHA256.HashData(parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Root_Empty_IsHashOfNothing() =>
        Assert.Equal(SHA256.HashData([]), MerkleTree.Root([]));

    [Fact]
    public void Root_OneLeaf_IsLeafHashWithZeroPrefix() =>
        Assert.Equal(H([0x00], [1, 2, 3]), MerkleTree.Root([[1, 2, 3]]));

    [Fact]
    public void Root_ThreeLeaves_SplitsAtLargestPowerOfTwoBelow()
    {
        byte[] a = [0xa], b = [0xb], c = [0xc];
        var left = H([0x01], H([0x00], a), H([0x00], b));
        Assert.Equal(H([0x01], left, H([0x00], c)), MerkleTree.Root([a, b, c]));
    }

    [Fact]
    public void Root_FiveLeaves_MatchesRfc6962Definition()
    {
        byte[][] d = [[0], [1], [2], [3], [4]];
        var leaf = d.Select(x => H([0x00], x)).ToArray();
        var four = H([0x01], H([0x01], leaf[0], leaf[1]), H([0x01], leaf[2], leaf[3]));
        Assert.Equal(H([0x01], four, leaf[4]), MerkleTree.Root(d));
    }

    [Fact]
    public void LeafHash_OfNodeInput_DiffersFromNodeHash()
    {
        var left = new byte[32];
        var right = new byte[32];
        Assert.NotEqual(MerkleTree.NodeHash(left, right), MerkleTree.LeafHash([.. left, .. right]));
    }
}
