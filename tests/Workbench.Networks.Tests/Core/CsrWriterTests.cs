using Workbench.Networks.Core;

namespace Workbench.Networks.Tests.Core;

public sealed class CsrWriterTests : IDisposable
{
    private const int Vertices = 3000;
    private static readonly string[] Layers = ["huishouden", "familie", "buren"];
    private readonly string _folder = Directory.CreateTempSubdirectory("workbench-csrwriter-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(4, 7)]       // 188 ranges of 16 vertices, each split into passes of at most 7 entries (or one vertex)
    [InlineData(8, 1)]       // 12 ranges, one vertex per pass
    [InlineData(10, 1000)]   // 3 ranges, a few passes each
    public void Write_ManyPartitions_GivesTheSameFileAsOnePartition(int bucketShift, long entriesPerPass)
    {
        var links = RandomLinks(seed: bucketShift);
        var single = WriteWith(links, bucketShift: 28, entriesPerPass: int.MaxValue);
        var partitioned = WriteWith(links, bucketShift, entriesPerPass);
        Assert.Equal(File.ReadAllBytes(single), File.ReadAllBytes(partitioned));
    }

    [Fact]
    public void Write_ManyPartitions_ListsAreTheSortedMergedLinks()
    {
        var links = RandomLinks(seed: 1);
        var expected = new SortedDictionary<int, byte>[Vertices];
        for (var v = 0; v < Vertices; v++) expected[v] = [];
        foreach (var (a, b, layer) in links)
        {
            if (a == b) continue;
            expected[a][b] = (byte)(expected[a].GetValueOrDefault(b) | (1 << layer));
            expected[b][a] = (byte)(expected[b].GetValueOrDefault(a) | (1 << layer));
        }
        using var network = MultilayerNetwork.Open(WriteWith(links, bucketShift: 5, entriesPerPass: 40));
        Assert.Equal(expected.Sum(list => (long)list.Count), network.EntryCount);
        for (var v = 0; v < Vertices; v++)
        {
            Assert.Equal(expected[v].Keys, network.Neighbours(v).ToArray());
            Assert.Equal(expected[v].Values, network.NeighbourLayers(v).ToArray());
        }
    }

    [Fact]
    public void Write_AfterDispose_LeavesOnlyTheCacheFile()
    {
        var path = WriteWith(RandomLinks(seed: 2), bucketShift: 6, entriesPerPass: 100);
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Add_VertexOutsideTheNetwork_Throws()
    {
        using var writer = new CsrWriter(10, _folder, bucketShift: 2, entriesPerPass: 8);
        Assert.Throws<NetworkFormatException>(() => writer.Add(3, 10, 0));
    }

    private string WriteWith(List<(int A, int B, int Layer)> links, int bucketShift, long entriesPerPass)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.csr");
        using var writer = new CsrWriter(Vertices, _folder, bucketShift, entriesPerPass);
        foreach (var (a, b, layer) in links) writer.Add(a, b, layer);
        writer.Write(path, [.. Enumerable.Range(0, Vertices).Select(v => 1000L + (7L * v))], Layers);
        return path;
    }

    /// <summary>Skewed random links with repeats in one and in several layers, and self-links.</summary>
    private static List<(int A, int B, int Layer)> RandomLinks(int seed)
    {
        var random = new Random(seed);
        var links = new List<(int, int, int)>();
        for (var i = 0; i < 20_000; i++)
        {
            var a = random.Next(10) == 0 ? random.Next(20) : random.Next(Vertices);
            var b = random.Next(Vertices);
            links.Add((a, b, random.Next(Layers.Length)));
            if (random.Next(20) == 0) links.Add((b, a, random.Next(Layers.Length)));
        }
        return links;
    }
}
