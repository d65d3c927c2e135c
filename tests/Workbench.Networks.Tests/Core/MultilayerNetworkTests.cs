using Workbench.Networks.Core;

namespace Workbench.Networks.Tests.Core;

public sealed class MultilayerNetworkTests : IDisposable
{
    private readonly SmallNetworks _networks = new();

    public void Dispose() => _networks.Dispose();

    [Fact]
    public void Build_PairInTwoLayers_IsOnePairWithBothLayerBits()
    {
        var network = _networks.Example();
        Assert.Equal(8, network.VertexCount);
        Assert.Equal(6, network.PairCount);
        Assert.Equal([1, 2], network.Neighbours(0).ToArray());
        Assert.Equal([(byte)0b011, (byte)0b001], network.NeighbourLayers(0).ToArray());
    }

    [Fact]
    public void PersonId_VerticesFollowSortedPseudonyms()
    {
        var network = _networks.Example();
        Assert.Equal(10, network.PersonId(0));
        Assert.Equal(80, network.PersonId(7));
        Assert.Equal(5, network.Vertex(60));
        Assert.False(network.TryGetVertex(65, out _));
        Assert.Throws<KeyNotFoundException>(() => network.Vertex(65));
    }

    [Theory]
    [InlineData(0, "huishouden", 2)]
    [InlineData(0, "familie", 1)]
    [InlineData(0, "buren", 0)]
    [InlineData(1, "familie", 2)]
    [InlineData(2, "buren", 1)]
    [InlineData(3, "buren", 2)]
    [InlineData(5, "familie", 0)]
    public void Degree_PerLayer_CountsNeighboursInThatLayer(int vertex, string layer, int expected)
    {
        var network = _networks.Example();
        Assert.Equal(expected, network.Degree(vertex, network.Layers(layer)));
    }

    [Fact]
    public void Degree_AllLayers_CountsDistinctNeighbours()
    {
        var network = _networks.Example();
        int[] expected = [2, 2, 3, 2, 1, 0, 1, 1];
        Assert.Equal(expected, Enumerable.Range(0, 8).Select(v => network.Degree(v, LayerMask.All)));
    }

    [Fact]
    public void AreLinked_RespectsLayers()
    {
        var network = _networks.Example();
        Assert.True(network.AreLinked(1, 2, network.Layers("familie")));
        Assert.False(network.AreLinked(1, 2, network.Layers("huishouden")));
        Assert.False(network.AreLinked(0, 3, LayerMask.All));
    }

    [Fact]
    public void Open_CachedFile_GivesTheSameNetwork()
    {
        var first = _networks.Example();
        using var again = MultilayerNetwork.Open(first.Path);
        Assert.Equal(first.EntryCount, again.EntryCount);
        Assert.Equal(["huishouden", "familie", "buren"], again.LayerNames);
        Assert.Equal(first.Neighbours(2).ToArray(), again.Neighbours(2).ToArray());
    }

    [Fact]
    public void Open_NotANetworkFile_ThrowsWithPath()
    {
        var path = _networks.NewPath();
        File.WriteAllBytes(path, new byte[1024]);
        var error = Assert.Throws<NetworkFormatException>(() => MultilayerNetwork.Open(path));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Layers_UnknownName_Throws()
    {
        var network = _networks.Example();
        var error = Assert.Throws<ArgumentException>(() => network.Layers("school"));
        Assert.Contains("school", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SelfLink_IsIgnored()
    {
        var network = _networks.OneLayer(2, (0, 0), (0, 1));
        Assert.Equal(1, network.PairCount);
    }
}
