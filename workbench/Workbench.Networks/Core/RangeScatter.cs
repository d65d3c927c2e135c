using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Workbench.Networks.Core;

/// <summary>
/// Pass 2 of <see cref="CsrWriter"/>: turns the bucketed spill into the CSR sections of the cache file, one vertex
/// range at a time. A range's entries are scattered into native memory (random access stays inside a buffer of at most
/// <c>entriesPerPass</c> entries), sorted and merged per vertex in parallel, compacted, and appended to the file with
/// sequential writes. A bucket whose lists exceed the buffer is read once per part of its range.
/// </summary>
internal sealed unsafe class RangeScatter
{
    private const ulong VertexMask = (1UL << 28) - 1;
    private const int SortBlock = 4096;
    private readonly BucketSpill _spill;
    private readonly int _shift;
    private readonly long _entriesPerPass;
    private readonly long[] _offsets;
    private readonly ulong[] _read = new ulong[1 << 17];
    private readonly int[] _cursor;
    private readonly int[] _merged;
    private readonly long[] _final;

    /// <param name="spill">The entries, bucketed by vertex range of 2^<paramref name="shift"/> vertices.</param>
    /// <param name="shift">Log2 of the vertices per bucket.</param>
    /// <param name="entriesPerPass">The most entries scattered in memory at once (one vertex may exceed it).</param>
    /// <param name="offsets">The uncompacted CSR offsets: vertex v's entries are <c>offsets[v]..offsets[v+1]</c>.</param>
    public RangeScatter(BucketSpill spill, int shift, long entriesPerPass, long[] offsets)
    {
        _spill = spill;
        _shift = shift;
        _entriesPerPass = entriesPerPass;
        _offsets = offsets;
        var rangeVertices = (int)Math.Min(1L << shift, offsets.Length - 1);
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
        var n = _offsets.Length - 1;
        long capacity = 1;
        ForEachPass(n, (_, start, end) => capacity = Math.Max(capacity, _offsets[end] - _offsets[start]));
        var keys = (int*)NativeMemory.Alloc((nuint)capacity, sizeof(int));
        var items = (byte*)NativeMemory.Alloc((nuint)capacity);
        try
        {
            long position = 0;
            ForEachPass(n, (bucket, start, end) =>
            {
                position = Pass(file, bucket, start, end, keys, items, position, offsetsAt, neighboursAt, masksAt);
                if (end == Math.Min(n, (long)(bucket + 1) << _shift)) _spill.Release(bucket);
            });
            var total = position;
            CsrWriter.WriteAll(file, (byte*)&total, sizeof(long), offsetsAt + (8L * n));
            return position;
        }
        finally
        {
            NativeMemory.Free(keys);
            NativeMemory.Free(items);
        }
    }

    /// <summary>Splits every bucket's range into passes whose entries fit the buffer (at least one vertex each).</summary>
    private void ForEachPass(int n, Action<int, int, int> pass)
    {
        for (var bucket = 0; bucket < _spill.Count; bucket++)
        {
            var start = (int)Math.Min(n, (long)bucket << _shift);
            var high = (int)Math.Min(n, (long)(bucket + 1) << _shift);
            while (start < high)
            {
                var end = start + 1;
                while (end < high && _offsets[end + 1] - _offsets[start] <= _entriesPerPass) end++;
                pass(bucket, start, end);
                start = end;
            }
        }
    }

    private long Pass(SafeFileHandle file, int bucket, int start, int end, int* keys, byte* items, long position,
        long offsetsAt, long neighboursAt, long masksAt)
    {
        var count = end - start;
        var first = _offsets[start];
        for (var i = 0; i < count; i++) _cursor[i] = (int)(_offsets[start + i] - first);
        var entries = _spill.Entries(bucket);
        for (long done = 0; done < entries;)
        {
            var read = _spill.Read(bucket, done, _read);
            done += read;
            for (var k = 0; k < read; k++)
            {
                var entry = _read[k];
                var local = (int)(entry & VertexMask) - start;
                if ((uint)local >= (uint)count) continue;
                var at = _cursor[local]++;
                keys[at] = (int)((entry >> 28) & VertexMask);
                items[at] = (byte)(1 << (int)(entry >> 56));
            }
        }
        SortAndMerge(start, count, (nint)keys, (nint)items);

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
        fixed (long* final = _final) CsrWriter.WriteAll(file, (byte*)final, 8L * count, offsetsAt + (8L * start));
        CsrWriter.WriteAll(file, (byte*)keys, 4 * kept, neighboursAt + (4 * position));
        CsrWriter.WriteAll(file, items, kept, masksAt + position);
        return position + kept;
    }

    /// <summary>Sorts each list and merges pairs linked in several layers or relations, in parallel over vertex blocks.</summary>
    private void SortAndMerge(int start, int count, nint keysAddress, nint itemsAddress)
    {
        var first = _offsets[start];
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
