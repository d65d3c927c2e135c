using System.Globalization;
using System.Text;
using Workbench.Networks.Core;
using Workbench.Networks.Persons;

namespace Workbench.Networks.Benchmarks;

/// <summary>Writes the network, the convicted flags and a seeded ego sample as plain text for igraph and networkx.</summary>
internal static class PeerExport
{
    public static void Write(string cache, string store, string dir, int egoCount)
    {
        using var network = MultilayerNetwork.Open(cache);
        var persons = PersonAttributes.Load(store, network);
        Directory.CreateDirectory(dir);
        using (var edges = new StreamWriter(Path.Combine(dir, "edges.txt"), false, Encoding.ASCII, 1 << 20))
        {
            for (var v = 0; v < network.VertexCount; v++)
            {
                foreach (var u in network.Neighbours(v))
                {
                    if (u > v) edges.Write(string.Create(CultureInfo.InvariantCulture, $"{v} {u}\n"));
                }
            }
        }
        using (var flags = new StreamWriter(Path.Combine(dir, "flags.txt"), false, Encoding.ASCII, 1 << 20))
        {
            flags.WriteLine(network.VertexCount.ToString(CultureInfo.InvariantCulture));
            for (var v = 0; v < network.VertexCount; v++) flags.Write(persons.HasAny(v, RiskFactors.Convicted) ? "1\n" : "0\n");
        }
        // Egos: a seeded sample of persons with at least one link, as an analyst's case list would be.
        var random = new Random(8);
        var chosen = new HashSet<int>();
        while (chosen.Count < egoCount)
        {
            var v = random.Next(network.VertexCount);
            if (network.Neighbours(v).Length > 0) chosen.Add(v);
        }
        File.WriteAllLines(Path.Combine(dir, "egos.txt"), chosen.Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }
}
