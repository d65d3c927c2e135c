namespace Workbench.Microdata.Generation;

/// <summary>Undirected links of one layer and partition, in generation order.</summary>
internal sealed class LinkBuffer(byte layer, int capacity)
{
    /// <summary>Layer indices into <see cref="Schema.Vocabulary.NetworkLayers"/>.</summary>
    public const byte Household = 0, Family = 1, Neighbours = 2, Classmates = 3, Colleagues = 4;

    /// <summary>Relation indices into <see cref="Schema.Vocabulary.NetworkRelations"/>.</summary>
    public const byte Partner = 0, ParentChild = 1, Sibling = 2, Housemate = 3, Neighbour = 4, Classmate = 5, Colleague = 6;

    public readonly byte Layer = layer;
    public Grow<int> A = new(capacity);
    public Grow<int> B = new(capacity);
    public Grow<byte> Relation = new(capacity);

    public int Count => A.Count;

    public void Add(int a, int b, byte relation)
    {
        A.Add(a);
        B.Add(b);
        Relation.Add(relation);
    }
}

/// <summary>All layers of the person network: partitions in file order.</summary>
internal sealed class NetworkLinks(List<LinkBuffer> chunks)
{
    public IReadOnlyList<LinkBuffer> Chunks { get; } = chunks;

    public long Count
    {
        get
        {
            long n = 0;
            foreach (var c in Chunks) n += c.Count;
            return n;
        }
    }

    /// <summary>Links per layer.</summary>
    public long[] CountByLayer()
    {
        var counts = new long[5];
        foreach (var c in Chunks) counts[c.Layer] += c.Count;
        return counts;
    }
}
