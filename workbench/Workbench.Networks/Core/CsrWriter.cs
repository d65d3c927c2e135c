using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;

namespace Workbench.Networks.Core;

/// <summary>
/// Builds a network cache file from a stream of links in two passes and bounded managed memory: links are spilled to
/// a temporary file (8 bytes each) while degrees are counted, then scattered into the memory-mapped CSR, each
/// neighbour list sorted with duplicate pairs merged (their layer masks OR-ed), and the file compacted. Managed memory
/// is O(vertices); the links only ever live in files, so the national network (2.8 billion entries) fits.
/// </summary>
internal sealed unsafe class CsrWriter : IDisposable
{
    /// <summary>Vertex ids are packed in 28 bits each in the spill file.</summary>
    public const int MaxVertices = 1 << 28;

    private const int BufferBytes = 1 << 20;
    private readonly int[] _degree;
    private readonly string _spillPath;
    private readonly FileStream _spill;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _fill;
    private long _links;

    public CsrWriter(int vertexCount, string spillDirectory)
    {
        if (vertexCount > MaxVertices) throw new NetworkFormatException($"{vertexCount} vertices exceed the supported {MaxVertices}");
        _degree = new int[vertexCount];
        _spillPath = System.IO.Path.Combine(spillDirectory, $".links-{Guid.NewGuid():N}.spill");
        _spill = new FileStream(_spillPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    public long Links => _links;

    /// <summary>Adds an undirected link; self-links are ignored (a person is not their own network member).</summary>
    public void Add(int a, int b, int layer)
    {
        if ((uint)a >= (uint)_degree.Length || (uint)b >= (uint)_degree.Length)
        {
            throw new NetworkFormatException($"link ({a}, {b}) refers to a vertex outside 0..{_degree.Length - 1}");
        }
        if ((uint)layer >= LayerMask.MaxLayers) throw new NetworkFormatException($"layer {layer} is outside 0..{LayerMask.MaxLayers - 1}");
        if (a == b) return;
        _degree[a]++;
        _degree[b]++;
        if (_fill == BufferBytes) FlushBuffer();
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_fill), (uint)a | ((ulong)(uint)b << 28) | ((ulong)(uint)layer << 56));
        _fill += 8;
        _links++;
    }

    /// <summary>Writes the cache file for vertices with pseudonyms <paramref name="sortedIds"/>.</summary>
    public void Write(string path, ReadOnlySpan<long> sortedIds, IReadOnlyList<string> layers)
    {
        if (sortedIds.Length != _degree.Length) throw new ArgumentException("one pseudonym per vertex is needed", nameof(sortedIds));
        for (var i = 1; i < sortedIds.Length; i++)
        {
            if (sortedIds[i] <= sortedIds[i - 1]) throw new NetworkFormatException($"person ids are not unique and ascending at vertex {i}");
        }
        if (layers.Count is < 1 or > LayerMask.MaxLayers) throw new NetworkFormatException($"{layers.Count} layers; 1..{LayerMask.MaxLayers} are supported");
        FlushBuffer();
        var n = _degree.Length;
        var offsets = new long[n + 1];
        for (var v = 0; v < n; v++) offsets[v + 1] = offsets[v] + _degree[v];
        var m = offsets[n];

        var temporary = path + ".tmp";
        long compacted;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            stream.SetLength(NetworkFileLayout.FileSize(n, m));
            using (var mapped = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true))
            using (var view = mapped.CreateViewAccessor())
            {
                byte* file = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref file);
                try
                {
                    file += view.PointerOffset;
                    compacted = Fill(file, sortedIds, offsets, layers);
                    view.Flush();
                }
                finally
                {
                    view.SafeMemoryMappedViewHandle.ReleasePointer();
                }
            }
            stream.SetLength(NetworkFileLayout.FileSize(n, compacted));
        }
        File.Move(temporary, path, overwrite: true);
    }

    public void Dispose() => _spill.Dispose();

    private long Fill(byte* file, ReadOnlySpan<long> sortedIds, long[] offsets, IReadOnlyList<string> layers)
    {
        var n = _degree.Length;
        var m = offsets[n];
        sortedIds.CopyTo(new Span<long>(file + NetworkFileLayout.IdsOffset, n));
        var neighbours = (int*)(file + NetworkFileLayout.NeighboursOffset(n));
        var masks = file + NetworkFileLayout.MasksOffset(n, m);

        // Pass 2: scatter the spilled links into both ends' lists.
        var cursor = (long[])offsets.Clone();
        _spill.Position = 0;
        int read;
        while ((read = _spill.ReadAtLeast(_buffer, BufferBytes, throwOnEndOfStream: false)) > 0)
        {
            for (var i = 0; i + 8 <= read; i += 8)
            {
                var packed = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(i));
                var a = (int)(packed & 0xFFF_FFFF);
                var b = (int)((packed >> 28) & 0xFFF_FFFF);
                var bit = (byte)(1 << (int)(packed >> 56));
                var at = cursor[a]++;
                neighbours[at] = b;
                masks[at] = bit;
                at = cursor[b]++;
                neighbours[at] = a;
                masks[at] = bit;
            }
        }

        // Sort each list and merge pairs linked in several layers or relations, in parallel over vertex blocks.
        var merged = new int[n];
        var neighboursAddress = (nint)neighbours;
        var masksAddress = (nint)masks;
        Parallel.For(0, (n + 65535) / 65536, block =>
        {
            var end = Math.Min(n, (block + 1) * 65536);
            for (var v = block * 65536; v < end; v++)
            {
                var length = (int)(offsets[v + 1] - offsets[v]);
                var keys = new Span<int>((int*)neighboursAddress + offsets[v], length);
                var items = new Span<byte>((byte*)masksAddress + offsets[v], length);
                keys.Sort(items);
                var kept = 0;
                for (var i = 0; i < length; i++)
                {
                    if (kept > 0 && keys[kept - 1] == keys[i]) items[kept - 1] |= items[i];
                    else
                    {
                        keys[kept] = keys[i];
                        items[kept] = items[i];
                        kept++;
                    }
                }
                merged[v] = kept;
            }
        });

        // Compact left: every write position is at or before its read position, so moving in order is safe.
        var finalOffsets = (long*)(file + NetworkFileLayout.OffsetsOffset(n));
        long position = 0;
        for (var v = 0; v < n; v++)
        {
            finalOffsets[v] = position;
            if (position != offsets[v])
            {
                new Span<int>(neighbours + offsets[v], merged[v]).CopyTo(new Span<int>(neighbours + position, merged[v]));
                new Span<byte>(masks + offsets[v], merged[v]).CopyTo(new Span<byte>(masks + position, merged[v]));
            }
            position += merged[v];
        }
        finalOffsets[n] = position;

        // The masks move down to follow the shorter neighbour section; chunked forward copies of a left move are safe.
        var finalMasks = file + NetworkFileLayout.MasksOffset(n, position);
        for (long done = 0; done < position; done += 1 << 30)
        {
            var chunk = (int)Math.Min(1 << 30, position - done);
            new Span<byte>(masks + done, chunk).CopyTo(new Span<byte>(finalMasks + done, chunk));
        }
        NetworkFileLayout.WriteHeader(file, layers, n, position);
        return position;
    }

    private void FlushBuffer()
    {
        _spill.Write(_buffer, 0, _fill);
        _fill = 0;
    }
}
