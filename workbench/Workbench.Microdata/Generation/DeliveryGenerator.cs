using Workbench.Microdata.Generation.Output;
using Workbench.Microdata.Geography;

namespace Workbench.Microdata.Generation;

/// <summary>
/// Generates a complete synthetic national delivery: every raw file of <see cref="Schema.Datasets.All"/>, with direct
/// identifiers, exactly as the source agencies deliver them, plus <c>manifest.json</c>. Deterministic: the same
/// options give byte-identical files regardless of thread scheduling. See <c>PLANTED-SIGNALS.md</c> for the effects
/// built into the data.
/// </summary>
public static class DeliveryGenerator
{
    /// <summary>Generates the delivery into <paramref name="outDirectory"/> (created if missing; files are overwritten).</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public static GenerationReport Generate(
        GeneratorOptions options, string outDirectory, IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        options.Validate();
        var started = TimeProvider.System.GetTimestamp();
        Directory.CreateDirectory(outDirectory);

        void Report(string stage, double fraction) => progress?.Report(new GenerationProgress(stage, fraction));

        Report("geography", 0);
        var world = BuildPopulation(options, cancellationToken);
        Report("companies", 0.25);
        CompanyStage.Run(world, cancellationToken);
        JobStage.Run(world, cancellationToken);
        OwnershipStage.Run(world, cancellationToken);
        Report("network", 0.4);
        world.Network = NetworkStage.Run(world, cancellationToken);
        Report("crime", 0.55);
        CrimeStage.Run(world, cancellationToken);
        Report("writing", 0.65);
        var written = 0;
        var total = Schema.Datasets.All.Count;
        var (manifest, bytes) = DeliveryWriter.Write(world, outDirectory, name =>
        {
            var done = Interlocked.Increment(ref written);
            Report("wrote " + name, 0.65 + 0.35 * done / total);
        }, cancellationToken);

        var rows = new Dictionary<string, long>();
        foreach (var file in manifest.Deliveries) rows[file.Dataset] = file.Rows;
        return new GenerationReport(rows, bytes, TimeProvider.System.GetElapsedTime(started), manifest);
    }

    private static SyntheticWorld BuildPopulation(GeneratorOptions options, CancellationToken cancellationToken)
    {
        var geo = GeographyBuilder.Build(options.Seed);
        var perBuurt = HouseholdStage.Allocate(geo, options.Persons);
        var (persons, households, buildings) = HouseholdStage.Run(geo, perBuurt, options, cancellationToken);
        var munis = geo.Municipalities.Length;
        var personStart = new int[munis + 1];
        for (var b = 0; b < geo.Buurten.Length; b++) personStart[geo.Buurten[b].Municipality + 1] += perBuurt[b];
        for (var m = 0; m < munis; m++) personStart[m + 1] += personStart[m];
        return new SyntheticWorld
        {
            Options = options,
            Geography = geo,
            Persons = persons,
            Households = households,
            Buildings = buildings,
            PersonStart = personStart,
            HouseholdStart = SyntheticWorld.Starts(munis, households.Count, h => geo.Buurten[buildings.Buurt[households.Dwelling[h]]].Municipality),
            BuildingStart = SyntheticWorld.Starts(munis, buildings.Count, i => geo.Buurten[buildings.Buurt[i]].Municipality),
        };
    }
}
