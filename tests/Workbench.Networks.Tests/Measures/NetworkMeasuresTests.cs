using Workbench.Networks.Core;
using Workbench.Networks.Measures;

namespace Workbench.Networks.Tests.Measures;

public sealed class NetworkMeasuresTests : IDisposable
{
    private readonly SmallNetworks _networks = new();

    public void Dispose() => _networks.Dispose();

    [Fact]
    public void DegreePerLayer_Example_IsHandComputed()
    {
        var degrees = NetworkMeasures.DegreePerLayer(_networks.Example());
        Assert.Equal([2, 1, 1, 0, 0, 0, 0, 0], degrees[0]);
        Assert.Equal([1, 2, 1, 0, 0, 0, 1, 1], degrees[1]);
        Assert.Equal([0, 0, 1, 2, 1, 0, 0, 0], degrees[2]);
    }

    [Fact]
    public void Components_AllLayers_ThreeComponents()
    {
        var components = NetworkMeasures.Components(_networks.Example(), LayerMask.All);
        Assert.Equal(3, components.Count);
        Assert.Equal(5, components.LargestSize);
        Assert.Equal([0, 0, 0, 0, 0, 1, 2, 2], components.Labels.ToArray());
        Assert.Equal(2, components.Size(2));
    }

    [Fact]
    public void Components_HouseholdOnly_SplitsTheTail()
    {
        var network = _networks.Example();
        var components = NetworkMeasures.Components(network, network.Layers("huishouden"));
        Assert.Equal(6, components.Count);
        Assert.Equal(3, components.LargestSize);
    }

    [Fact]
    public void Components_LinksAddedHighToLow_StillMerge()
    {
        // 3-1 and 2-0 then 1-0: union order must not matter.
        var network = _networks.OneLayer(5, (3, 1), (2, 0), (1, 0));
        var components = NetworkMeasures.Components(network, LayerMask.All);
        Assert.Equal(2, components.Count);
        Assert.Equal(4, components.LargestSize);
    }

    [Fact]
    public void CoreNumbers_Example_TriangleIsTwoCore()
    {
        var network = _networks.Example();
        Assert.Equal([2, 2, 2, 1, 1, 0, 1, 1], NetworkMeasures.CoreNumbers(network, LayerMask.All));
        Assert.Equal([1, 1, 1, 0, 0, 0, 0, 0], NetworkMeasures.CoreNumbers(network, network.Layers("huishouden")));
    }

    [Fact]
    public void CoreNumbers_CliqueWithPendant_IsHandComputed()
    {
        // K4 on 0..3, a path 3-4-5, and 5 also linked to 4's neighbour 2 (cycle 2-3-4-5): K4 is the 3-core, 4 and 5 are 2-core.
        var network = _networks.OneLayer(7, (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 2), (5, 6));
        Assert.Equal([3, 3, 3, 3, 2, 2, 1], NetworkMeasures.CoreNumbers(network, LayerMask.All));
    }

    [Fact]
    public void LocalClustering_Example_IsHandComputed()
    {
        var network = _networks.Example();
        Assert.Equal(1.0, NetworkMeasures.LocalClustering(network, 0, LayerMask.All), 12);
        Assert.Equal(1 / 3.0, NetworkMeasures.LocalClustering(network, 2, LayerMask.All), 12);
        Assert.Equal(0.0, NetworkMeasures.LocalClustering(network, 3, LayerMask.All), 12);
        Assert.True(double.IsNaN(NetworkMeasures.LocalClustering(network, 4, LayerMask.All)));
        // In the household layer 1 and 2 are not linked.
        Assert.Equal(0.0, NetworkMeasures.LocalClustering(network, 0, network.Layers("huishouden")), 12);
    }
}
