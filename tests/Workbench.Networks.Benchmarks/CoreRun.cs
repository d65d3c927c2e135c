using System.Diagnostics;
using System.Globalization;
using Workbench.Networks.Core;
using Workbench.Networks.Measures;
using Workbench.Networks.Persons;
using Workbench.Networks.Prevalence;

namespace Workbench.Networks.Benchmarks;

/// <summary>The core's side of the benchmark: the same three steps the peers run, timed one by one.</summary>
internal static class CoreRun
{
    public static void Run(string cache, string dir)
    {
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        using var network = MultilayerNetwork.Open(cache);
        var factors = new RiskFactors[network.VertexCount];
        using (var flags = new StreamReader(Path.Combine(dir, "flags.txt")))
        {
            flags.ReadLine();
            for (var v = 0; v < factors.Length; v++) factors[v] = flags.ReadLine() == "1" ? RiskFactors.Convicted : RiskFactors.None;
        }
        var n = network.VertexCount;
        var persons = new PersonAttributes(new short[n], new byte[n], new int[n], factors, []);
        Console.WriteLine($"load_s {watch.Elapsed.TotalSeconds:F3}");

        watch.Restart();
        var components = NetworkMeasures.Components(network, LayerMask.All);
        Console.WriteLine($"components_s {watch.Elapsed.TotalSeconds:F3}");
        Console.WriteLine($"components {components.Count}");
        Console.WriteLine($"largest {components.LargestSize}");

        watch.Restart();
        var egos = File.ReadAllLines(Path.Combine(dir, "egos.txt")).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var prevalence = EgoPrevalence.Compute(network, persons, egos, [new LayerSelection("alle", LayerMask.All)], [2],
            [new FactorSelection("veroordeeld", RiskFactors.Convicted)]);
        Console.WriteLine($"egos_s {watch.Elapsed.TotalSeconds:F3}");
        long members = 0;
        for (var e = 0; e < egos.Length; e++) members += prevalence.Members(e, 0, 0);
        Console.WriteLine($"ego_members {members}");
        Console.WriteLine($"total_s {total.Elapsed.TotalSeconds:F3}");
        File.WriteAllLines(Path.Combine(dir, "shares-core.txt"),
            Enumerable.Range(0, egos.Length).Select(e => prevalence.Share(e, 0, 0, 0).ToString("R", CultureInfo.InvariantCulture)));
    }
}
