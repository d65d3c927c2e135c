using Workbench.Networks.Core;
using Workbench.Networks.Persons;

namespace Workbench.Networks.Egos;

/// <summary>
/// Finds ego networks (the persons within 1 or 2 hops of an ego along links of selected layers) with a visited
/// stamp per vertex, so each query costs the size of the ego network, not of the graph. Holds scratch memory of
/// 4 bytes per vertex: use one explorer per thread (not thread-safe).
/// </summary>
public sealed class EgoExplorer
{
    private readonly MultilayerNetwork _network;
    private readonly int[] _stamp;
    private readonly List<int> _members = [];
    private int _generation;

    /// <summary>Creates an explorer over <paramref name="network"/>.</summary>
    public EgoExplorer(MultilayerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _stamp = new int[network.VertexCount];
    }

    /// <summary>The network explored.</summary>
    public MultilayerNetwork Network => _network;

    /// <summary>
    /// The members of the ego network: every person at distance 1..<paramref name="hops"/> from the ego along links
    /// in <paramref name="layers"/>, the ego excluded, in breadth-first order. For a single layer both hops stay in it.
    /// </summary>
    /// <returns>A new array.</returns>
    public int[] Members(int ego, int hops, LayerMask layers) => [.. Collect(ego, hops, layers)];

    /// <summary>Whether <paramref name="vertex"/> was the ego or a member in the last query.</summary>
    public bool WasReached(int vertex) => _stamp[vertex] == _generation;

    /// <summary>
    /// Counts the members of an ego network and, for each selection in <paramref name="factors"/>, the members with
    /// any of its risk factors.
    /// </summary>
    /// <param name="ego">The ego vertex.</param>
    /// <param name="hops">1 or 2.</param>
    /// <param name="layers">The layers whose links are followed.</param>
    /// <param name="memberFactors">Risk factors per vertex (<see cref="PersonAttributes.AllFactors"/>).</param>
    /// <param name="factors">The factor selections to count; a member counts for a selection when it has any of its bits.</param>
    /// <param name="counts">Receives one count per factor selection.</param>
    /// <returns>The number of members.</returns>
    public int CountMembers(int ego, int hops, LayerMask layers, ReadOnlySpan<RiskFactors> memberFactors, ReadOnlySpan<RiskFactors> factors, Span<int> counts)
    {
        var members = Collect(ego, hops, layers);
        counts[..factors.Length].Clear();
        foreach (var member in members)
        {
            var has = memberFactors[member];
            if (has == RiskFactors.None) continue;
            for (var f = 0; f < factors.Length; f++)
            {
                if ((has & factors[f]) != 0) counts[f]++;
            }
        }
        return members.Count;
    }

    internal List<int> Collect(int ego, int hops, LayerMask layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hops, 2);
        NextGeneration();
        _members.Clear();
        var generation = _generation;
        _stamp[ego] = generation;
        Expand(ego, layers, generation);
        if (hops == 2)
        {
            var firstHop = _members.Count;
            for (var i = 0; i < firstHop; i++) Expand(_members[i], layers, generation);
        }
        return _members;
    }

    private void Expand(int vertex, LayerMask layers, int generation)
    {
        var neighbours = _network.Neighbours(vertex);
        var masks = _network.NeighbourLayers(vertex);
        var bits = layers.Bits;
        for (var i = 0; i < neighbours.Length; i++)
        {
            var w = neighbours[i];
            if ((masks[i] & bits) == 0 || _stamp[w] == generation) continue;
            _stamp[w] = generation;
            _members.Add(w);
        }
    }

    private void NextGeneration()
    {
        if (_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 0;
        }
        _generation++;
    }
}
