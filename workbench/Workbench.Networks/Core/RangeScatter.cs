using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Workbench.Networks.Core;

/// <summary>
/// Pass 2 of <see cref="CsrWriter"/>: turns the bucketed spill into the CSR sections of the cache file, one vertex
/// range at a time. A range's degrees are counted from its bucket (a cache-sized array; counting them per link while
/// spilling would be two cache misses per link), then its entries are scattered into native memory (random access
/// stays inside a buffer of about <c>entriesPerPass</c> entries), sorted and merged per vertex in parallel,
/// compacted, and appended to the file with sequential writes. A range whose lists exceed the buffer is read once per
/// part.
/// </summary>
internal sealed unsafe class RangeScatter : IDisposable
{
    private const ulong VertexMask = (1UL << 28) - 1;
    private const int SortBlock = 4096;
    private readonly BucketSpill _spill;
    private readonly int _shift;
    private readonly long _entriesPerPass;
    private readonly int _vertices;
    private readonly ulong[] _read = new ulong[1 << 17];
    private readonly long[] _offsets;
    private readonly int[] _cursor;
    private readonly int[] _merged;
    private readonly long[] _final;
    private long _capacity;
    private int* _keys;
    private byte* _items;

    /// <param name="spill">The entries, bucketed by vertex range of 2^<paramref name="shift"/> vertices.</param>
    /// <param name="shift">Log2 of the vertices per bucket.</param>
    /// <param name="entriesPerPass">The most entries scattered in memory at once (one vertex may exceed it).</param>
    /// <param name="vertices">The vertex count.</param>
    public RangeScatter(BucketSpill spill, int shift, long entriesPerPass, int vertices)
    {
        _spill = spill;
        _shift = shift;
        _entriesPerPass = entriesPerPass;
        _vertices = vertices;
        var rangeVertices = (int)Math.Min(1L << shift, vertices);
        _offsets = new long[rangeVertices + 1];
        _cursor = new int[rangeVertices];
        _merged = new int[rangeVertices];
        _final = new long[rangeVertices];
    }

    /// <summary>
    /// Writes the final offsets at <paramref name="offsetsAt"/>, the neighbour ids at <paramref name="neighboursAt"/>
    /// and the masks at <paramref name="masksAt"/> (each section from its start, compacted); returns the entry count.
    /// </summary>
    public long Run(SafeFileHandle file, long offsetsAt, long neighboursAt, long masksAt)
    {
        long position = 0;
        for (var bucket = 0; bucket < _spill.Count; bucket++)
        {
            var low = (int)Math.Min(_vertices, (long)bucket << _shift);
            var count = (int)Math.Min(_vertices, (long)(bucket + 1) << _shift) - low;
            CountDegrees(bucket, low, count);
            var start = 0;
            while (start < count)
            {
                var end = start + 1;
                while (end < count && _offsets[end + 1] - _offsets[start] <= _entriesPerPass) end++;
                position = Pass(file, bucket, low, start, end, position, offsetsAt, neighboursAt, masksAt);
                start = end;
            }
            _spill.Release(bucket);
        }
        var total = position;
        CsrWriter.WriteAll(file, (byte*)&total, sizeof(long), offsetsAt + (8L * _vertices));
        return total;
    }

    public void Dispose()
    {
        NativeMemory.Free(_keys);
        NativeMemory.Free(_items);
        _keys = null;
        _items = null;
    }

    /// <summary>Sets <c>_offsets</c> to the uncompacted list offsets of the range, relative to its first vertex.</summary>
    private void CountDegrees(int bucket, int low, int count)
    {
        var degree = _cursor.AsSpan(0, count);
        degree.Clear();
        var entries = _spill.Entries(bucket);
        for (long done = 0; done < entries;)
        {
            var read = _spill.Read(bucket, done, _read);
            done += read;
            for (var k = 0; k < read; k++) degree[(int)(_read[k] & VertexMask) - low]++;
        }
        for (var i = 0; i < count; i++) _offsets[i + 1] = _offsets[i] + degree[i];
    }

    private long Pass(SafeFileHandle file, int bucket, int low, int start, int end, long position, long offsetsAt,
        long neighboursAt, long masksAt)
    {
        var count = end - start;
        var first = _offsets[start];
        Reserve(_offsets[end] - first);
        var keys = _keys;
        var items = _items;
        for (var i = 0; i < count; i++) _cursor[i] = (int)(_offsets[start + i] - first);
        var entries = _spill.Entries(bucket);
        var from = low + start;
        for (long done = 0; done < entries;)
        {
            var read = _spill.Read(bucket, done, _read);
            done += read;
            for (var k = 0; k < read; k++)
            {
                var entry = _read[k];
                var local = (int)(entry & VertexMask) - from;
                if ((uint)local >= (uint)count) continue;
                var at = _cursor[local]++;
                keys[at] = (int)((entry >> 28) & VertexMask);
                items[at] = (byte)(1 << (int)(entry >> 56));
            }
        }
        SortAndMerge(start, count);

        // Compact left inside the buffer: every write position is at or before its read position.
        long kept = 0;
        for (var i = 0; i < count; i++)
        {
            _final[i] = position + kept;
            var begin = _offsets[start + i] - first;
            if (begin != kept)
            {
                new Span<int>(keys + begin, _merged[i]).CopyTo(new Span<int>(keys + kept, _merged[i]));
                new Span<byte>(items + begin, _merged[i]).CopyTo(new Span<byte>(items + kept, _merged[i]));
            }
            kept += _merged[i];
        }
        fixed (long* final = _final) CsrWriter.WriteAll(file, (byte*)final, 8L * count, offsetsAt + (8L * from));
        CsrWriter.WriteAll(file, (byte*)keys, 4 * kept, neighboursAt + (4 * position));
        CsrWriter.WriteAll(file, items, kept, masksAt + position);
        return position + kept;
    }

    /// <summary>Grows the native buffer to at least <paramref name="entries"/>; it is kept for the later passes.</summary>
    private void Reserve(long entries)
    {
        if (entries <= _capacity) return;
        _capacity = Math.Max(entries, Math.Min(_entriesPerPass, 1L << 20));
        _keys = (int*)NativeMemory.Realloc(_keys, (nuint)_capacity * sizeof(int));
        _items = (byte*)NativeMemory.Realloc(_items, (nuint)_capacity);
    }

    /// <summary>Sorts each list and merges pairs linked in several layers or relations, in parallel over vertex blocks.</summary>
    private void SortAndMerge(int start, int count)
    {
        var first = _offsets[start];
        var keysAddress = (nint)_keys;
        var itemsAddress = (nint)_items;
        Parallel.For(0, (count + SortBlock - 1) / SortBlock, block =>
        {
            var end = Math.Min(count, (block + 1) * SortBlock);
            for (var i = block * SortBlock; i < end; i++)
            {
                var begin = _offsets[start + i] - first;
                var length = (int)(_offsets[start + i + 1] - _offsets[start + i]);
                var keys = new Span<int>((int*)keysAddress + begin, length);
                var items = new Span<byte>((byte*)itemsAddress + begin, length);
                keys.Sort(items);
                var kept = 0;
                for (var j = 0; j < length; j++)
                {
                    if (kept > 0 && keys[kept - 1] == keys[j]) items[kept - 1] |= items[j];
                    else
                    {
                        keys[kept] = keys[j];
                        items[kept] = items[j];
                        kept++;
                    }
                }
                _merged[i] = kept;
            }
        });
    }
}
