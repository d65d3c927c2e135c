using System.Diagnostics;
using Workbench.Networks.Core;
using Workbench.Networks.Persons;
using Workbench.Networks.Prevalence;

namespace Workbench.Networks.Benchmarks;

/// <summary>
/// National-scale probe without a store: streams uniformly random links (random pseudonym order makes real vertex
/// ids random too) straight into the cache writer, then opens the cache and runs 10,000 two-hop egos. Measures the
/// parts that do not depend on DuckDB: spill, scatter, sort/merge, compaction and queries beyond 2^31 entries.
/// </summary>
internal static class SyntheticScale
{
    public static void Run(int persons, long links, string path)
    {
        var watch = Stopwatch.StartNew();
        var ids = new long[persons];
        for (var i = 0; i < persons; i++) ids[i] = i;
        using (var writer = new CsrWriter(persons, Path.GetDirectoryName(Path.GetFullPath(path))!))
        {
            ulong state = 0x9E3779B97F4A7C15;
            for (long i = 0; i < links; i++)
            {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                var a = (int)((state & 0xFFFF_FFFF) % (ulong)persons);
                var b = (int)((state >> 32) % (ulong)persons);
                writer.Add(a, b, (int)(i % 5));
                if (i % 200_000_000 == 0) Console.WriteLine($"spill_progress {i} {watch.Elapsed.TotalSeconds:F1}");
            }
            Console.WriteLine($"spill_s {watch.Elapsed.TotalSeconds:F1}");
            writer.Write(path, ids, ["huishouden", "familie", "buren", "klasgenoten", "collegas"]);
        }
        Console.WriteLine($"build_s {watch.Elapsed.TotalSeconds:F1}");
        watch.Restart();
        using var network = MultilayerNetwork.Open(path);
        Console.WriteLine($"entries {network.EntryCount}");
        Console.WriteLine($"cache_mb {new FileInfo(path).Length / 1048576}");
        var random = new Random(8);
        var egos = Enumerable.Range(0, 10_000).Select(_ => random.Next(persons)).Distinct().ToArray();
        var factors = new RiskFactors[persons];
        for (var v = 0; v < persons; v += 40) factors[v] = RiskFactors.Convicted;
        var attributes = new PersonAttributes(new short[persons], new byte[persons], new int[persons], factors, []);
        var prevalence = EgoPrevalence.Compute(network, attributes, egos, [new LayerSelection("alle", LayerMask.All)], [2],
            [new FactorSelection("veroordeeld", RiskFactors.Convicted)]);
        long members = 0;
        for (var e = 0; e < egos.Length; e++) members += prevalence.Members(e, 0, 0);
        Console.WriteLine($"egos_s {watch.Elapsed.TotalSeconds:F1}");
        Console.WriteLine($"ego_members {members}");
    }
}
