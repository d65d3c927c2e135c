namespace Workbench.Networks.Core;

/// <summary>
/// Builds a small network cache from persons and links given in code: for tests, examples and notebooks that make a
/// network by hand. <see cref="Store.StoreNetworkLoader"/> builds the real one from the analytical store.
/// </summary>
public sealed class NetworkBuilder
{
    private readonly string[] _layers;
    private readonly SortedSet<long> _persons = [];
    private readonly List<(long A, long B, int Layer)> _links = [];

    /// <summary>Starts a network with the given layer names (at most <see cref="LayerMask.MaxLayers"/>).</summary>
    public NetworkBuilder(params string[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length is < 1 or > LayerMask.MaxLayers) throw new ArgumentException($"1..{LayerMask.MaxLayers} layers are needed", nameof(layers));
        if (layers.Distinct(StringComparer.Ordinal).Count() != layers.Length) throw new ArgumentException("layer names must be distinct", nameof(layers));
        _layers = layers;
    }

    /// <summary>Adds persons (also those without links).</summary>
    public NetworkBuilder AddPersons(params long[] personIds)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        foreach (var id in personIds) _persons.Add(id);
        return this;
    }

    /// <summary>Adds an undirected link in a layer; both persons are added if new.</summary>
    /// <exception cref="ArgumentException">When the layer is unknown.</exception>
    public NetworkBuilder AddLink(long a, long b, string layer)
    {
        var index = Array.IndexOf(_layers, layer);
        if (index < 0) throw new ArgumentException($"'{layer}' is not a layer; layers are {string.Join(", ", _layers)}", nameof(layer));
        _persons.Add(a);
        _persons.Add(b);
        _links.Add((a, b, index));
        return this;
    }

    /// <summary>Writes the cache file and opens it.</summary>
    public MultilayerNetwork Build(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ids = _persons.ToArray();
        using (var writer = new CsrWriter(ids.Length, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!))
        {
            foreach (var (a, b, layer) in _links)
            {
                writer.Add(Array.BinarySearch(ids, a), Array.BinarySearch(ids, b), layer);
            }
            writer.Write(path, ids, _layers);
        }
        return MultilayerNetwork.Open(path);
    }
}
