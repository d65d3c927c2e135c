namespace Workbench.Networks.Core;

/// <summary>
/// A set of network layers as a bit mask (bit <c>i</c> = layer <c>i</c> of <see cref="MultilayerNetwork.LayerNames"/>).
/// Every adjacency entry of the network carries the mask of the layers that link the pair, so a query for a layer
/// selection is one AND per entry.
/// </summary>
/// <param name="Bits">The layer bits; at most <see cref="MaxLayers"/> layers exist.</param>
public readonly record struct LayerMask(byte Bits)
{
    /// <summary>The most layers a network can have (one bit each in a byte).</summary>
    public const int MaxLayers = 8;

    /// <summary>All layers.</summary>
    public static LayerMask All { get; } = new(0xFF);

    /// <summary>The mask of a single layer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="layer"/> is not 0..7.</exception>
    public static LayerMask Of(int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, MaxLayers);
        return new LayerMask((byte)(1 << layer));
    }

    /// <summary>Whether the selection includes <paramref name="layer"/>.</summary>
    public bool Contains(int layer) => layer is >= 0 and < MaxLayers && (Bits & (1 << layer)) != 0;

    /// <summary>Whether an entry with layer bits <paramref name="entryMask"/> belongs to this selection.</summary>
    public bool Matches(byte entryMask) => (Bits & entryMask) != 0;

    /// <summary>The union of two selections.</summary>
    public static LayerMask operator |(LayerMask left, LayerMask right) => new((byte)(left.Bits | right.Bits));

    /// <summary>The union of two selections (named alternative to the operator).</summary>
    public static LayerMask BitwiseOr(LayerMask left, LayerMask right) => left | right;
}
