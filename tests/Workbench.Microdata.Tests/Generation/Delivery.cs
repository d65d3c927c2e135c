using Workbench.Microdata.Generation;
using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.Generation;

/// <summary>A generated delivery on disk, read back as raw text rows the way ingest sees it.</summary>
public sealed class Delivery : IDisposable
{
    private readonly Dictionary<string, RawTable> _tables = [];

    public Delivery(int persons, int seed, double averageDegree = 25)
    {
        Directory = Path.Combine(Path.GetTempPath(), "wb-gen-" + Guid.NewGuid().ToString("N"));
        Options = new GeneratorOptions { Persons = persons, Seed = seed, AverageDegree = averageDegree };
        Report = DeliveryGenerator.Generate(Options, Directory);
    }

    public string Directory { get; }

    public GeneratorOptions Options { get; }

    public GenerationReport Report { get; }

    /// <summary>The rows of a dataset's raw file (cached).</summary>
    public RawTable this[string dataset]
    {
        get
        {
            lock (_tables)
            {
                if (!_tables.TryGetValue(dataset, out var table))
                    _tables[dataset] = table = RawTable.Read(Path.Combine(Directory, Datasets.Get(dataset).RawFile));
                return table;
            }
        }
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>A semicolon-separated file: the header and the data rows.</summary>
public sealed record RawTable(string[] Header, List<string[]> Rows)
{
    public static RawTable Read(string path)
    {
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false));
        var header = reader.ReadLine()!.Split(';');
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line) rows.Add(line.Split(';'));
        return new RawTable(header, rows);
    }

    public int Index(string column)
    {
        var i = Array.IndexOf(Header, column);
        return i >= 0 ? i : throw new KeyNotFoundException(column);
    }

    /// <summary>The values of one column.</summary>
    public IEnumerable<string> Column(string column)
    {
        var i = Index(column);
        return Rows.Select(r => r[i]);
    }
}

/// <summary>One 30k-person delivery shared by the content and signal tests.</summary>
public sealed class DeliveryFixture : IDisposable
{
    public Delivery Delivery { get; } = new(30_000, seed: 20251231);

    public void Dispose() => Delivery.Dispose();
}
