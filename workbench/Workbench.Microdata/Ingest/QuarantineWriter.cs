using System.Text;

namespace Workbench.Microdata.Ingest;

/// <summary>
/// Writes one dataset's rejected records to <c>&lt;dataset&gt;.csv</c> (line, field, reason, raw line), owner-only:
/// the raw line holds direct identifiers. Counts rejections per reason. The file is created at the first rejection.
/// </summary>
internal sealed class QuarantineWriter : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    private readonly string _directory;
    private StreamWriter? _writer;

    public QuarantineWriter(string directory, string dataset)
    {
        _directory = directory;
        Path = System.IO.Path.Combine(directory, dataset + ".csv");
        // A re-ingest replaces the dataset's table, so its old rejections no longer describe the store.
        if (File.Exists(Path)) File.Delete(Path);
    }

    public string Path { get; }

    public long Count { get; private set; }

    public Dictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);

    public void Write(long line, Rejection rejection, ReadOnlySpan<char> raw)
    {
        _writer ??= Open();
        _writer.Write(line);
        _writer.Write(';');
        WriteQuoted(rejection.Field ?? "");
        _writer.Write(';');
        WriteQuoted(rejection.Message);
        _writer.Write(';');
        WriteQuoted(raw);
        _writer.Write('\n');
        Count++;
        Reasons[rejection.CountKey] = Reasons.GetValueOrDefault(rejection.CountKey) + 1;
    }

    public void Dispose() => _writer?.Dispose();

    /// <summary>Creates a directory readable by its owner only (tightening an existing one).</summary>
    public static void CreateOwnerOnlyDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        File.SetUnixFileMode(directory, OwnerOnlyDirectory);
    }

    private StreamWriter Open()
    {
        CreateOwnerOnlyDirectory(_directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        var writer = new StreamWriter(Path, new UTF8Encoding(false), options);
        writer.Write("line;field;reason;raw\n");
        return writer;
    }

    private void WriteQuoted(ReadOnlySpan<char> text)
    {
        _writer!.Write('"');
        foreach (var c in text)
        {
            if (c == '"') _writer.Write('"');
            _writer.Write(c);
        }
        _writer.Write('"');
    }
}
