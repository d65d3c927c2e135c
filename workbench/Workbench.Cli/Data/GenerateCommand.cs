using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Cli.Infrastructure;
using Workbench.Microdata.Generation;

namespace Workbench.Cli.Data;

/// <summary><c>workbench data generate --persons N --seed S --out DIR</c>.</summary>
internal sealed class GenerateCommand : Command<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--persons <N>")]
        [Description("Number of persons in the synthetic population (national scale is 17,900,000).")]
        public int Persons { get; init; } = 100_000;

        [CommandOption("--seed <S>")]
        [Description("Seed: the same seed and options give byte-identical deliveries.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--out <DIR>")]
        [Description("Delivery directory to write (default: the demo deliveries under WORKBENCH_HOME).")]
        public string? Out { get; init; }

        [CommandOption("--reference-date <DATE>")]
        [Description("Reference date of the registers, yyyy-MM-dd.")]
        public string ReferenceDate { get; init; } = "2025-12-31";

        [CommandOption("--degree <D>")]
        [Description("Average number of network links per person over all layers.")]
        public double AverageDegree { get; init; } = 25;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var ownerOnly = OwnerOnlyFiles.Scope(); // what it writes is data: owner-only from the first byte
        if (!DateOnly.TryParseExact(settings.ReferenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var referenceDate))
            throw new ArgumentException($"--reference-date: '{settings.ReferenceDate}' is not a date in yyyy-MM-dd form");
        var options = new GeneratorOptions
        {
            Persons = settings.Persons, Seed = settings.Seed, ReferenceDate = referenceDate, AverageDegree = settings.AverageDegree,
        };
        var outDir = Path.GetFullPath(settings.Out ?? WorkbenchHome.Deliveries);
        var report = Generate(options, outDir, cancellationToken);
        AnsiConsole.MarkupLine($"Wrote synthetic deliveries for [bold]{options.Persons:N0}[/] persons to {Markup.Escape(outDir)}");
        var table = new Table().AddColumns("dataset", "file", "rows", "MB");
        foreach (var file in report.Manifest.Deliveries)
        {
            table.AddRow(file.Dataset, file.File, $"{file.Rows:N0}", $"{report.Bytes[file.Dataset] / 1e6:N1}");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{report.TotalRows:N0} rows in {report.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    internal static GenerationReport Generate(GeneratorOptions options, string outDir, CancellationToken cancellationToken) =>
        ProgressBar.Run("generate", progress => DeliveryGenerator.Generate(
            options, outDir, new Relay<GenerationProgress>(p => progress.Report((p.Stage, p.Fraction))), cancellationToken));
}
