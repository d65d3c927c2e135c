namespace Workbench.Networks.Measures;

/// <summary>Connected components: a label per vertex (0..Count-1, numbered by smallest vertex) and their sizes.</summary>
public sealed class ComponentLabels
{
    private readonly int[] _labels;
    private readonly int[] _sizes;

    internal ComponentLabels(int[] labels, int[] sizes)
    {
        _labels = labels;
        _sizes = sizes;
    }

    /// <summary>Number of components (isolated persons are components of size 1).</summary>
    public int Count => _sizes.Length;

    /// <summary>The component of a vertex.</summary>
    public int Label(int vertex) => _labels[vertex];

    /// <summary>Size of a component.</summary>
    public int Size(int component) => _sizes[component];

    /// <summary>Size of the largest component.</summary>
    public int LargestSize => _sizes.Length == 0 ? 0 : _sizes.Max();

    /// <summary>All labels in vertex order.</summary>
    public ReadOnlySpan<int> Labels => _labels;
}
