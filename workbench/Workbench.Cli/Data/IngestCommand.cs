using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Cli.Infrastructure;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Schema;

namespace Workbench.Cli.Data;

/// <summary><c>workbench data ingest DIR</c>: the only way raw deliveries enter the store.</summary>
internal sealed class IngestCommand : Command<IngestCommand.Settings>
{
    public sealed class Settings : KeySettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("Delivery directory (default: the demo deliveries under WORKBENCH_HOME).")]
        public string? Directory { get; init; }

        [CommandOption("--quarantine <DIR>")]
        [Description("Where rejected records go (default: DIR/quarantine). Never next to the store: they hold identifiers.")]
        public string? Quarantine { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var ownerOnly = OwnerOnlyFiles.Scope(); // what it writes is data: owner-only from the first byte
        using var key = settings.LoadKey();
        var report = Ingest(Path.GetFullPath(settings.Directory ?? WorkbenchHome.Deliveries), settings.StorePath, key, settings.Quarantine, cancellationToken);
        Render(report);
        return 0;
    }

    internal static IngestReport Ingest(string deliveries, string store, PseudonymKey key, string? quarantine, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        var expected = DeliveryManifest.TryRead(deliveries)?.Deliveries.ToDictionary(d => d.Dataset, d => d.Rows) ?? [];
        var index = Datasets.All.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i);
        var options = new IngestOptions { QuarantineDirectory = quarantine is null ? null : Path.GetFullPath(quarantine) };
        return ProgressBar.Run("ingest", progress => new Ingestor(TimeProvider.System).Ingest(
            deliveries, store, key, options,
            new Relay<IngestProgress>(p =>
            {
                var within = p.Completed ? 1 : expected.TryGetValue(p.Dataset, out var rows) && rows > 0 ? Math.Min(1, (double)p.RowsRead / rows) : 0;
                progress.Report((p.Dataset, (index[p.Dataset] + within) / Datasets.All.Count));
            }),
            cancellationToken));
    }

    internal static void Render(IngestReport report)
    {
        var table = new Table().AddColumns("dataset", "status", "read", "accepted", "quarantined", "rows/s", "note");
        foreach (var d in report.Datasets)
        {
            table.AddRow(d.Dataset, d.Status.ToString().ToLowerInvariant(), $"{d.RowsRead:N0}", $"{d.RowsAccepted:N0}",
                d.RowsQuarantined == 0 ? "0" : $"[yellow]{d.RowsQuarantined:N0}[/]",
                d.Status == DatasetIngestStatus.Unchanged ? "" : $"{d.RowsPerSecond:N0}", Markup.Escape(d.Note ?? ""));
        }
        AnsiConsole.Write(table);
        foreach (var d in report.Datasets.Where(d => d.RowsQuarantined > 0 && d.Status != DatasetIngestStatus.Unchanged))
        {
            var reasons = string.Join("; ", d.QuarantineReasons.Select(r => $"{r.Key} ×{r.Value}"));
            AnsiConsole.MarkupLine($"[yellow]quarantined[/] {d.Dataset}: {Markup.Escape(reasons)} → {Markup.Escape(d.QuarantineFile ?? "")}");
        }
        AnsiConsole.MarkupLine($"Store {Markup.Escape(report.StorePath)} (key fingerprint {report.KeyFingerprint[..16]}), {report.Elapsed.TotalSeconds:F1} s.");
    }
}
