using System.Runtime.InteropServices;

namespace Workbench.Networks.Core;

/// <summary>
/// The adjacency entries of a network under construction, spilled to one temporary file per vertex range (bucket) so
/// that each range can later be read back on its own and scattered into a buffer that fits in memory. Entries are
/// 64-bit words appended through a small buffer per bucket; a bucket's file is deleted as soon as it is released.
/// </summary>
internal sealed class BucketSpill : IDisposable
{
    private const int BufferEntries = 8192; // 64 KB per bucket: large sequential writes, bounded memory.
    private readonly string _directory;
    private readonly string _prefix = $".links-{Guid.NewGuid():N}";
    private readonly FileStream?[] _files;
    private readonly long[] _entries;
    private ulong[][]? _buffers;
    private readonly int[] _fill;

    public BucketSpill(int buckets, string directory)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        _directory = directory;
        _files = new FileStream?[buckets];
        _entries = new long[buckets];
        _fill = new int[buckets];
        _buffers = new ulong[buckets][];
    }

    public int Count => _files.Length;

    /// <summary>The number of entries appended to <paramref name="bucket"/>.</summary>
    public long Entries(int bucket) => _entries[bucket];

    public void Append(int bucket, ulong entry)
    {
        var buffer = _buffers![bucket] ??= new ulong[BufferEntries];
        var fill = _fill[bucket];
        if (fill == BufferEntries)
        {
            Flush(bucket);
            fill = 0;
        }
        buffer[fill] = entry;
        _fill[bucket] = fill + 1;
        _entries[bucket]++;
    }

    /// <summary>Writes out every buffer and frees them; afterwards the buckets can only be read.</summary>
    public void FinishWriting()
    {
        if (_buffers is null) return;
        for (var bucket = 0; bucket < _files.Length; bucket++) Flush(bucket);
        _buffers = null;
    }

    /// <summary>Reads entries from <paramref name="first"/> on into <paramref name="buffer"/>; returns how many.</summary>
    public int Read(int bucket, long first, Span<ulong> buffer)
    {
        if (_buffers is not null) throw new InvalidOperationException("the spill is still being written");
        var count = (int)Math.Min(buffer.Length, _entries[bucket] - first);
        if (count <= 0) return 0;
        var bytes = MemoryMarshal.AsBytes(buffer[..count]);
        var done = 0;
        while (done < bytes.Length)
        {
            var read = RandomAccess.Read(_files[bucket]!.SafeFileHandle, bytes[done..], (first * 8) + done);
            if (read == 0) throw new IOException($"spill file of bucket {bucket} is shorter than its {_entries[bucket]} entries");
            done += read;
        }
        return count;
    }

    /// <summary>Deletes the file of a bucket that has been read completely.</summary>
    public void Release(int bucket)
    {
        _files[bucket]?.Dispose();
        _files[bucket] = null;
        _entries[bucket] = 0;
    }

    public void Dispose()
    {
        foreach (var file in _files) file?.Dispose();
        Array.Clear(_files);
    }

    private void Flush(int bucket)
    {
        var fill = _fill[bucket];
        if (fill == 0) return;
        var file = _files[bucket] ??= new FileStream(Path.Combine(_directory, $"{_prefix}-{bucket}.spill"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.DeleteOnClose);
        file.Write(MemoryMarshal.AsBytes(_buffers![bucket].AsSpan(0, fill)));
        _fill[bucket] = 0;
    }
}
