using System.Security.Cryptography;
using System.Text;

namespace Workbench.Microdata.Generation.Output;

/// <summary>
/// Writes one semicolon-separated delivery file: UTF-8 without BOM, <c>\n</c> line ends, ISO dates, <c>j</c>/<c>n</c>
/// flags, empty fields for missing optional values. Formats straight into a large byte buffer and hashes (SHA-256)
/// what it flushes, so a file is written and fingerprinted in one pass.
/// </summary>
internal sealed class Utf8RowWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private static readonly long[] Pow10 = [.. Enumerable.Range(0, 19).Select(i => (long)Math.Pow(10, i))];
    private readonly Stream _stream;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;
    private bool _inRow;
    private long _bytes;

    public Utf8RowWriter(string path, IEnumerable<string> header)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        foreach (var name in header) Text(name);
        EndRow();
        Rows = 0;
    }

    /// <summary>A writer that formats rows into memory (no header), to be appended to a file with <see cref="Append"/>.</summary>
    public Utf8RowWriter(MemoryStream memory) => _stream = memory;

    /// <summary>
    /// Appends the rows another writer formatted into <paramref name="memory"/> (parallel formatting), then empties
    /// both so they can be reused without new large allocations.
    /// </summary>
    public void Append(Utf8RowWriter part, MemoryStream memory)
    {
        part.Flush();
        Flush();
        var bytes = memory.GetBuffer().AsSpan(0, (int)memory.Length);
        _hash.AppendData(bytes);
        _stream.Write(bytes);
        _bytes += bytes.Length;
        Rows += part.Rows;
        part.Rows = 0;
        memory.SetLength(0);
    }

    /// <summary>Data rows written (the header excluded).</summary>
    public long Rows { get; private set; }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes + 1 > BufferSize) Flush();
        if (_inRow) _buffer[_length++] = (byte)';';
        _inRow = true;
        return _buffer.AsSpan(_length);
    }

    /// <summary>Pre-encoded UTF-8 text (category values, names).</summary>
    public void Utf8(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    /// <summary>Appends bytes to the current field (no separator), e.g. the letters of a postcode.</summary>
    public void AppendToField(ReadOnlySpan<byte> value)
    {
        if (_length + value.Length + 1 > BufferSize) Flush();
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Text; it must not contain the separator, quotes or line breaks (deliveries carry no quoting).</summary>
    public void Text(string value)
    {
        if (value.AsSpan().IndexOfAny(";\"\n\r") >= 0) throw new ArgumentException($"text '{value}' needs quoting", nameof(value));
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        _length += Encoding.UTF8.GetBytes(value, span);
    }

    public void Number(long value)
    {
        var span = Reserve(20);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>A non-negative number left-padded with zeros to <paramref name="digits"/> digits (BAG ids, codes).</summary>
    public void Padded(long value, int digits)
    {
        var span = Reserve(Math.Max(digits, 20));
        var n = digits;
        for (var rest = value / Pow10[digits]; rest > 0; rest /= 10) n++;
        for (var i = n - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + value % 10);
            value /= 10;
        }
        _length += n;
    }

    /// <summary>An ISO date (yyyy-MM-dd) from a <see cref="DateOnly.DayNumber"/>.</summary>
    public void Date(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        var span = Reserve(10);
        Digits(span, date.Year, 4);
        span[4] = (byte)'-';
        Digits(span[5..], date.Month, 2);
        span[7] = (byte)'-';
        Digits(span[8..], date.Day, 2);
        _length += 10;
    }

    public void Flag(bool value)
    {
        Reserve(1)[0] = value ? (byte)'j' : (byte)'n';
        _length++;
    }

    /// <summary>A missing optional value.</summary>
    public void Empty() => Reserve(0);

    public void EndRow()
    {
        if (_length + 1 > BufferSize) Flush();
        _buffer[_length++] = (byte)'\n';
        _inRow = false;
        Rows++;
    }

    /// <summary>Flushes and returns the size and lower-case hex SHA-256 of the file.</summary>
    public (long Bytes, string Sha256) Complete()
    {
        Flush();
        _stream.Flush();
        return (_bytes, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _length);
        _stream.Write(_buffer, 0, _length);
        _bytes += _length;
        _length = 0;
    }

    private static void Digits(Span<byte> span, int value, int digits)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _hash.Dispose();
    }
}
