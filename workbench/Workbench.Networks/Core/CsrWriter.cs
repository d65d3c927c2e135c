using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Workbench.Networks.Core;

/// <summary>
/// Builds a network cache file from a stream of links in two passes and bounded memory. Pass 1 spills each link
/// twice, once per end, into the spill bucket of that end's vertex range. Pass 2 takes one range at a time: its
/// bucket is read sequentially, its degrees counted, its entries scattered into a buffer in memory, each neighbour
/// list sorted with duplicate pairs merged (their layer masks OR-ed), and the compacted lists written to the file in
/// order. No random writes into a file, no per-vertex array beyond one range, and no .NET array of m elements, so the
/// national network (2.8 billion entries) fits.
/// </summary>
internal sealed unsafe class CsrWriter : IDisposable
{
    /// <summary>Vertex ids are packed in 28 bits each in the spill.</summary>
    public const int MaxVertices = 1 << 28;

    /// <summary>About 128 vertex ranges: spill buffers stay small and a range's lists fit in memory nationally.</summary>
    private const int TargetBuckets = 128;

    /// <summary>Entries scattered in memory at once: 32M × 5 bytes = 160 MB.</summary>
    private const long DefaultEntriesPerPass = 32L << 20;

    private readonly int _vertices;
    private readonly int _shift;
    private readonly long _entriesPerPass;
    private readonly BucketSpill _spill;
    private long _links;

    public CsrWriter(int vertexCount, string spillDirectory)
        : this(vertexCount, spillDirectory, DefaultShift(vertexCount), DefaultEntriesPerPass)
    {
    }

    /// <summary>Tests choose tiny ranges (<paramref name="bucketShift"/>) and passes to force many partitions.</summary>
    internal CsrWriter(int vertexCount, string spillDirectory, int bucketShift, long entriesPerPass)
    {
        if (vertexCount > MaxVertices) throw new NetworkFormatException($"{vertexCount} vertices exceed the supported {MaxVertices}");
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        ArgumentOutOfRangeException.ThrowIfNegative(bucketShift);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketShift, 28);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entriesPerPass);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entriesPerPass, int.MaxValue);
        _vertices = vertexCount;
        _shift = bucketShift;
        _entriesPerPass = entriesPerPass;
        _spill = new BucketSpill(Math.Max(1, (int)(((long)vertexCount + (1L << bucketShift) - 1) >> bucketShift)), spillDirectory);
    }

    public long Links => _links;

    /// <summary>Adds an undirected link; self-links are ignored (a person is not their own network member).</summary>
    public void Add(int a, int b, int layer)
    {
        if ((uint)a >= (uint)_vertices || (uint)b >= (uint)_vertices)
        {
            throw new NetworkFormatException($"link ({a}, {b}) refers to a vertex outside 0..{_vertices - 1}");
        }
        if ((uint)layer >= LayerMask.MaxLayers) throw new NetworkFormatException($"layer {layer} is outside 0..{LayerMask.MaxLayers - 1}");
        if (a == b) return;
        var bits = (ulong)(uint)layer << 56;
        _spill.Append(a >> _shift, (uint)a | ((ulong)(uint)b << 28) | bits);
        _spill.Append(b >> _shift, (uint)b | ((ulong)(uint)a << 28) | bits);
        _links++;
    }

    /// <summary>Writes the cache file for vertices with pseudonyms <paramref name="sortedIds"/>.</summary>
    public void Write(string path, ReadOnlySpan<long> sortedIds, IReadOnlyList<string> layers)
    {
        if (sortedIds.Length != _vertices) throw new ArgumentException("one pseudonym per vertex is needed", nameof(sortedIds));
        for (var i = 1; i < sortedIds.Length; i++)
        {
            if (sortedIds[i] <= sortedIds[i - 1]) throw new NetworkFormatException($"person ids are not unique and ascending at vertex {i}");
        }
        if (layers.Count is < 1 or > LayerMask.MaxLayers) throw new NetworkFormatException($"{layers.Count} layers; 1..{LayerMask.MaxLayers} are supported");
        _spill.FinishWriting();
        var n = _vertices;
        var m = 2 * _links;

        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 0))
        {
            // The entries are written at their uncompacted size first; merging duplicates only ever shrinks them.
            stream.SetLength(NetworkFileLayout.FileSize(n, m));
            var file = stream.SafeFileHandle;
            fixed (long* ids = sortedIds) WriteAll(file, (byte*)ids, 8L * n, NetworkFileLayout.IdsOffset);
            var provisionalMasks = NetworkFileLayout.MasksOffset(n, m);
            long entries;
            using (var scatter = new RangeScatter(_spill, _shift, _entriesPerPass, n))
            {
                entries = scatter.Run(file, NetworkFileLayout.OffsetsOffset(n), NetworkFileLayout.NeighboursOffset(n), provisionalMasks);
            }
            MoveLeft(file, provisionalMasks, NetworkFileLayout.MasksOffset(n, entries), entries);
            var header = stackalloc byte[NetworkFileLayout.HeaderSize];
            NetworkFileLayout.WriteHeader(header, layers, n, entries);
            WriteAll(file, header, NetworkFileLayout.HeaderSize, 0);
            stream.SetLength(NetworkFileLayout.FileSize(n, entries));
            stream.Flush(flushToDisk: false);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public void Dispose() => _spill.Dispose();

    /// <summary>Writes <paramref name="length"/> bytes in pieces below the 2 GB span limit.</summary>
    internal static void WriteAll(SafeFileHandle file, byte* source, long length, long fileOffset)
    {
        for (long done = 0; done < length; done += 1 << 30)
        {
            var piece = (int)Math.Min(1 << 30, length - done);
            RandomAccess.Write(file, new ReadOnlySpan<byte>(source + done, piece), fileOffset + done);
        }
    }

    /// <summary>Moves a file region to a lower offset; chunked forward copies of a left move never overwrite unread bytes.</summary>
    private static void MoveLeft(SafeFileHandle file, long from, long to, long length)
    {
        if (from == to) return;
        var buffer = new byte[4 << 20];
        for (long done = 0; done < length; done += buffer.Length)
        {
            var piece = buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - done));
            var read = 0;
            while (read < piece.Length)
            {
                var got = RandomAccess.Read(file, piece[read..], from + done + read);
                if (got == 0) throw new IOException("the cache file is shorter than its entries");
                read += got;
            }
            RandomAccess.Write(file, piece, to + done);
        }
    }

    private static int DefaultShift(int vertexCount)
    {
        // Ranges of at least 4,096 vertices keep the spill files few at small sizes.
        var bits = vertexCount <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(vertexCount - 1));
        return Math.Clamp(bits - BitOperations.Log2(TargetBuckets), 12, 28);
    }
}
