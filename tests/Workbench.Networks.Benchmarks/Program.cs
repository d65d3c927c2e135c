using System.Diagnostics;
using System.Globalization;
using Workbench.Microdata.Generation;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Networks.Benchmarks;

// Driver of tests/benchmarks/networks.sh; every command prints "name value" lines for the script.
//   store PERSONS DIR           generate + ingest a synthetic store into DIR/store.duckdb
//   build STORE CACHE           build the network cache from the store
//   export CACHE STORE DIR N    write edges.txt, flags.txt (convicted 0/1 per vertex) and N seeded egos for the peers
//   run CACHE DIR               open the cache, components, 2-hop all-layer convicted share of DIR/egos.txt
//   synthetic PERSONS LINKS CACHE  national-scale probe: random links into the cache writer, then 10,000 egos
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var watch = Stopwatch.StartNew();
switch (args)
{
    case ["store", var persons, var dir]:
        DeliveryGenerator.Generate(new GeneratorOptions { Persons = int.Parse(persons, CultureInfo.InvariantCulture), Seed = 42 }, Path.Combine(dir, "raw"));
        Console.WriteLine($"generate_s {watch.Elapsed.TotalSeconds:F2}");
        watch.Restart();
        using (var key = PseudonymKey.CreateFile(Path.Combine(dir, "key")))
        {
            new Ingestor(TimeProvider.System).Ingest(Path.Combine(dir, "raw"), Path.Combine(dir, "store.duckdb"), key);
        }
        Console.WriteLine($"ingest_s {watch.Elapsed.TotalSeconds:F2}");
        Directory.Delete(Path.Combine(dir, "raw"), recursive: true);
        return 0;
    case ["build", var store, var cache]:
        using (var network = Workbench.Networks.Store.StoreNetworkLoader.Build(store, cache))
        {
            Console.WriteLine($"build_s {watch.Elapsed.TotalSeconds:F2}");
            Console.WriteLine($"vertices {network.VertexCount}");
            Console.WriteLine($"pairs {network.PairCount}");
            Console.WriteLine($"cache_mb {new FileInfo(cache).Length / 1048576}");
        }
        return 0;
    case ["export", var cache, var store, var dir, var egos]:
        PeerExport.Write(cache, store, dir, int.Parse(egos, CultureInfo.InvariantCulture));
        Console.WriteLine($"export_s {watch.Elapsed.TotalSeconds:F2}");
        return 0;
    case ["run", var cache, var dir]:
        CoreRun.Run(cache, dir);
        return 0;
    case ["synthetic", var persons, var links, var cache]:
        // National-scale probe: random links straight into the cache writer (no store).
        SyntheticScale.Run(int.Parse(persons, CultureInfo.InvariantCulture), long.Parse(links, CultureInfo.InvariantCulture), cache);
        return 0;
    default:
        Console.Error.WriteLine("usage: store PERSONS DIR | build STORE CACHE | export CACHE STORE DIR N | run CACHE DIR | synthetic PERSONS LINKS CACHE");
        return 2;
}
