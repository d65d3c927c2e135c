using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Generation.Output;

/// <summary>
/// Writes every dataset of <see cref="Datasets.All"/> (several files at once) and the manifest. Each file's content
/// depends only on the world, so parallel writing never changes bytes.
/// </summary>
internal static class DeliveryWriter
{
    public static (DeliveryManifest Manifest, Dictionary<string, long> Bytes) Write(
        SyntheticWorld world, string outDirectory, Action<string> fileDone, CancellationToken cancellationToken)
    {
        var writers = new Dictionary<string, Action<Utf8RowWriter>>
        {
            [Datasets.Areas] = w => PopulationFiles.Areas(world, w),
            [Datasets.Households] = w => PopulationFiles.Households(world, w),
            [Datasets.Buildings] = w => PopulationFiles.Buildings(world, w),
            [Datasets.Persons] = w => PopulationFiles.Persons(world, w),
            [Datasets.Incomes] = w => PopulationFiles.Incomes(world, w),
            [Datasets.Companies] = w => EconomyFiles.Companies(world, w),
            [Datasets.CompanyOfficers] = w => EconomyFiles.Officers(world, w),
            [Datasets.Jobs] = w => EconomyFiles.Jobs(world, w),
            [Datasets.NetworkLinks] = w => EconomyFiles.Network(world, w),
            [Datasets.Suspects] = w => CrimeFiles.Suspects(world, w),
            [Datasets.PersonConvictions] = w => CrimeFiles.PersonConvictions(world, w),
            [Datasets.CompanyConvictions] = w => CrimeFiles.CompanyConvictions(world, w),
            [Datasets.Dismantlings] = w => CrimeFiles.Dismantlings(world, w),
            [Datasets.UnusualTransactions] = w => CrimeFiles.UnusualTransactions(world, w),
            [Datasets.RiskFactors] = w => CrimeFiles.RiskFactors(world, w),
        };
        var version = $"{world.Options.ReferenceDate:yyyy-MM-dd}.1";
        var results = new DeliveryFile[Datasets.All.Count];
        var sizes = new long[Datasets.All.Count];
        // Largest files first so the two cores finish together.
        var order = Enumerable.Range(0, Datasets.All.Count)
            .OrderBy(i => Datasets.All[i].Name == Datasets.NetworkLinks ? 0 : Datasets.All[i].Name == Datasets.Persons ? 1 : 2)
            .ThenBy(i => i)
            .ToArray();
        Parallel.ForEach(order, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var dataset = Datasets.All[i];
            var path = Path.Combine(outDirectory, dataset.RawFile.Replace('/', Path.DirectorySeparatorChar));
            using var writer = new Utf8RowWriter(path, dataset.Columns.Select(c => c.Name));
            writers[dataset.Name](writer);
            var (bytes, sha) = writer.Complete();
            results[i] = new DeliveryFile(dataset.Name, dataset.RawFile, version, writer.Rows, sha);
            sizes[i] = bytes;
            fileDone(dataset.Name);
        });
        var manifest = new DeliveryManifest("synthetic", world.Options.ReferenceDate, results);
        manifest.Write(outDirectory);
        var byName = new Dictionary<string, long>();
        for (var i = 0; i < results.Length; i++) byName[results[i].Dataset] = sizes[i];
        return (manifest, byName);
    }
}
