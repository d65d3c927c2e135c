using Workbench.Networks.Core;
using Workbench.Networks.Egos;
using Workbench.Networks.Persons;

namespace Workbench.Networks.Prevalence;

/// <summary>
/// Network sizes and risk-factor counts of a set of egos, for every layer selection × radius × factor: the raw
/// material of prevalence tables. Computed in parallel, one <see cref="EgoExplorer"/> per worker.
/// </summary>
public sealed class EgoPrevalence
{
    private readonly int[] _members;
    private readonly int[] _counts;

    private EgoPrevalence(int[] egos, IReadOnlyList<LayerSelection> layers, IReadOnlyList<int> hops, IReadOnlyList<FactorSelection> factors, int[] members, int[] counts)
    {
        Egos = egos;
        Layers = layers;
        Hops = hops;
        Factors = factors;
        _members = members;
        _counts = counts;
    }

    /// <summary>The egos, in the order given.</summary>
    public IReadOnlyList<int> Egos { get; }

    /// <summary>The layer selections.</summary>
    public IReadOnlyList<LayerSelection> Layers { get; }

    /// <summary>The radii (1 and/or 2).</summary>
    public IReadOnlyList<int> Hops { get; }

    /// <summary>The risk factors counted.</summary>
    public IReadOnlyList<FactorSelection> Factors { get; }

    /// <summary>Computes the counts for every ego (distinct egos expected; duplicates are counted twice).</summary>
    public static EgoPrevalence Compute(
        MultilayerNetwork network, PersonAttributes persons, IReadOnlyList<int> egos,
        IReadOnlyList<LayerSelection> layers, IReadOnlyList<int> hops, IReadOnlyList<FactorSelection> factors)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(egos);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(hops);
        ArgumentNullException.ThrowIfNull(factors);
        if (persons.Count != network.VertexCount) throw new ArgumentException($"attributes describe {persons.Count} vertices, the network has {network.VertexCount}", nameof(persons));
        var egoArray = egos.ToArray();
        var cells = layers.Count * hops.Count;
        var members = new int[egoArray.Length * cells];
        var counts = new int[egoArray.Length * cells * factors.Count];
        var factorBits = factors.Select(f => f.Factors).ToArray();
        var hopArray = hops.ToArray();
        // One explorer (4 bytes per vertex of scratch) per worker, egos handed out in small blocks.
        var next = -1;
        const int Block = 64;
        Parallel.For(0, Math.Max(1, Math.Min(Environment.ProcessorCount, (egoArray.Length + Block - 1) / Block)), _ =>
        {
            var explorer = new EgoExplorer(network);
            var memberFactors = persons.AllFactors;
            int start;
            while ((start = Interlocked.Increment(ref next) * Block) < egoArray.Length)
            {
                for (var e = start; e < Math.Min(start + Block, egoArray.Length); e++)
                {
                    for (var l = 0; l < layers.Count; l++)
                    {
                        for (var h = 0; h < hopArray.Length; h++)
                        {
                            var cell = (e * cells) + (l * hopArray.Length) + h;
                            members[cell] = explorer.CountMembers(egoArray[e], hopArray[h], layers[l].Layers, memberFactors, factorBits,
                                counts.AsSpan(cell * factorBits.Length, factorBits.Length));
                        }
                    }
                }
            }
        });
        return new EgoPrevalence(egoArray, layers, hops, factors, members, counts);
    }

    /// <summary>Members of ego number <paramref name="ego"/> (index into <see cref="Egos"/>) for a layer selection and radius index.</summary>
    public int Members(int ego, int layer, int hop) => _members[Cell(ego, layer, hop)];

    /// <summary>Members with factor number <paramref name="factor"/>.</summary>
    public int Count(int ego, int layer, int hop, int factor) => _counts[(Cell(ego, layer, hop) * Factors.Count) + factor];

    /// <summary>The share of members with the factor (NaN for an empty network).</summary>
    public double Share(int ego, int layer, int hop, int factor)
    {
        var members = Members(ego, layer, hop);
        return members == 0 ? double.NaN : Count(ego, layer, hop, factor) / (double)members;
    }

    private int Cell(int ego, int layer, int hop) => (ego * Layers.Count * Hops.Count) + (layer * Hops.Count) + hop;
}
