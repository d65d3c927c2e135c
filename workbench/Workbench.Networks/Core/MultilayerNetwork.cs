using System.IO.MemoryMappedFiles;

namespace Workbench.Networks.Core;

/// <summary>
/// The multilayer person network as a compressed sparse row (CSR) structure in a memory-mapped cache file.
/// Vertices are dense ids <c>0..VertexCount-1</c> in the order of the sorted 64-bit person pseudonyms; each undirected
/// pair appears once in the adjacency of both ends with the mask of all layers that link it, neighbour lists sorted.
/// Opening maps the file (no parsing), so the national network opens in milliseconds and the operating system pages
/// in what queries touch. Thread-safe for reading; dispose only after all queries end.
/// </summary>
public sealed unsafe class MultilayerNetwork : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly long* _ids;
    private readonly long* _offsets;
    private readonly int* _neighbours;
    private readonly byte* _masks;
    private bool _disposed;

    private MultilayerNetwork(string path, MemoryMappedFile file, MemoryMappedViewAccessor view, byte* basePointer, long length)
    {
        Path = path;
        _file = file;
        _view = view;
        _base = basePointer;
        var (_, n, m, names) = NetworkFileLayout.ReadHeader(basePointer, length, path);
        if (n > int.MaxValue) throw new NetworkFormatException(path, $"{n} vertices exceed the int vertex id range");
        VertexCount = (int)n;
        EntryCount = m;
        LayerNames = names;
        _ids = (long*)(basePointer + NetworkFileLayout.IdsOffset);
        _offsets = (long*)(basePointer + NetworkFileLayout.OffsetsOffset(n));
        _neighbours = (int*)(basePointer + NetworkFileLayout.NeighboursOffset(n));
        _masks = basePointer + NetworkFileLayout.MasksOffset(n, m);
    }

    /// <summary>The cache file this network is mapped from.</summary>
    public string Path { get; }

    /// <summary>Number of persons (vertices), including persons without links.</summary>
    public int VertexCount { get; }

    /// <summary>Number of adjacency entries (twice the number of distinct linked pairs).</summary>
    public long EntryCount { get; }

    /// <summary>Number of distinct linked pairs, whatever the number of layers linking them.</summary>
    public long PairCount => EntryCount / 2;

    /// <summary>Layer names; layer <c>i</c> is bit <c>i</c> of a <see cref="LayerMask"/>.</summary>
    public IReadOnlyList<string> LayerNames { get; }

    /// <summary>Maps a network cache file read-only.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="NetworkFormatException">When the file is not a network cache of this version.</exception>
    public static MultilayerNetwork Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"network file '{path}' does not exist", path);
        var length = new FileInfo(path).Length;
        if (length < NetworkFileLayout.HeaderSize) throw new NetworkFormatException(path, $"only {length} bytes");
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            try
            {
                return new MultilayerNetwork(path, file, view, pointer + view.PointerOffset, length);
            }
            catch
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
                throw;
            }
        }
        catch
        {
            view?.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <summary>The layer selection for the named layers.</summary>
    /// <exception cref="ArgumentException">When a name is not a layer of this network.</exception>
    public LayerMask Layers(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        byte bits = 0;
        foreach (var name in names)
        {
            var index = LayerIndex(name);
            bits |= (byte)(1 << index);
        }
        return new LayerMask(bits);
    }

    /// <summary>The index (bit) of a layer.</summary>
    /// <exception cref="ArgumentException">When the name is not a layer of this network.</exception>
    public int LayerIndex(string name)
    {
        for (var i = 0; i < LayerNames.Count; i++)
        {
            if (string.Equals(LayerNames[i], name, StringComparison.Ordinal)) return i;
        }
        throw new ArgumentException($"'{name}' is not a layer; layers are {string.Join(", ", LayerNames)}", nameof(name));
    }

    /// <summary>The pseudonym of vertex <paramref name="vertex"/>.</summary>
    public long PersonId(int vertex)
    {
        CheckVertex(vertex);
        return _ids[vertex];
    }

    /// <summary>The vertex of a person pseudonym (binary search over the sorted pseudonyms).</summary>
    public bool TryGetVertex(long personId, out int vertex)
    {
        var index = new ReadOnlySpan<long>(_ids, VertexCount).BinarySearch(personId);
        vertex = index;
        return index >= 0;
    }

    /// <summary>The vertex of a person pseudonym.</summary>
    /// <exception cref="KeyNotFoundException">When the person is not in the network.</exception>
    public int Vertex(long personId) =>
        TryGetVertex(personId, out var vertex) ? vertex : throw new KeyNotFoundException($"person {personId} is not in the network");

    /// <summary>The sorted pseudonyms of all vertices (vertex <c>i</c> is element <c>i</c>).</summary>
    public ReadOnlySpan<long> PersonIds => new(_ids, VertexCount);

    /// <summary>The neighbours of a vertex in any layer, ascending.</summary>
    public ReadOnlySpan<int> Neighbours(int vertex)
    {
        CheckVertex(vertex);
        var start = _offsets[vertex];
        return new ReadOnlySpan<int>(_neighbours + start, (int)(_offsets[vertex + 1] - start));
    }

    /// <summary>The layer masks of <see cref="Neighbours(int)"/>, element by element.</summary>
    public ReadOnlySpan<byte> NeighbourLayers(int vertex)
    {
        CheckVertex(vertex);
        var start = _offsets[vertex];
        return new ReadOnlySpan<byte>(_masks + start, (int)(_offsets[vertex + 1] - start));
    }

    /// <summary>The number of distinct neighbours linked in at least one of <paramref name="layers"/>.</summary>
    public int Degree(int vertex, LayerMask layers)
    {
        var masks = NeighbourLayers(vertex);
        if (layers.Bits == LayerMask.All.Bits) return masks.Length;
        var degree = 0;
        foreach (var mask in masks)
        {
            if ((mask & layers.Bits) != 0) degree++;
        }
        return degree;
    }

    /// <summary>Whether two vertices are linked in at least one of <paramref name="layers"/>.</summary>
    public bool AreLinked(int a, int b, LayerMask layers)
    {
        var index = Neighbours(a).BinarySearch(b);
        return index >= 0 && layers.Matches(NeighbourLayers(a)[index]);
    }

    /// <summary>Releases the mapping; no span obtained from this network may be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    private void CheckVertex(int vertex)
    {
        if ((uint)vertex >= (uint)VertexCount)
        {
            throw new ArgumentOutOfRangeException(nameof(vertex), vertex, $"vertex ids are 0..{VertexCount - 1}");
        }
    }
}
