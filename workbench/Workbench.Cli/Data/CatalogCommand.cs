using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Cli.Infrastructure;
using Workbench.Microdata.Catalogue;

namespace Workbench.Cli.Data;

/// <summary><c>workbench data catalog [DATASET] [--json]</c>: what the store holds and what each column means.</summary>
internal sealed class CatalogCommand : Command<CatalogCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[DATASET]")]
        [Description("Show the columns of this dataset.")]
        public string? Dataset { get; init; }

        [CommandOption("--store <FILE>")]
        [Description("The analytical store (default: the demo store under WORKBENCH_HOME).")]
        public string? Store { get; init; }

        [CommandOption("--json")]
        [Description("Print the catalogue as JSON.")]
        public bool Json { get; init; }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var store = Path.GetFullPath(settings.Store ?? WorkbenchHome.Store);
        if (!File.Exists(store)) throw new FileNotFoundException($"--store: '{store}' does not exist; run 'workbench data ingest' first", store);
        IReadOnlyList<CatalogueEntry> entries = DatasetCatalogue.Read(store);
        if (settings.Dataset is { } name)
        {
            entries = [entries.FirstOrDefault(e => e.Dataset == name)
                ?? throw new ArgumentException($"DATASET: unknown dataset '{name}'; known: {string.Join(", ", entries.Select(e => e.Dataset))}")];
        }

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(entries, JsonOptions));
            return 0;
        }
        if (settings.Dataset is null) RenderDatasets(entries);
        else RenderColumns(entries[0]);
        return 0;
    }

    internal static void RenderDatasets(IEnumerable<CatalogueEntry> entries)
    {
        var table = new Table().AddColumns("dataset", "rows", "unit", "agency", "delivery", "ingested", "description");
        foreach (var e in entries)
        {
            table.AddRow(e.Dataset, e.Rows is { } rows ? $"{rows:N0}" : "[grey]not ingested[/]", e.Unit, Markup.Escape(e.Agency),
                Markup.Escape(e.DeliveryVersion ?? e.DeliverySha256?[..12] ?? ""), e.IngestedAt?.ToString("yyyy-MM-dd HH:mm") ?? "",
                Markup.Escape(e.Description));
        }
        AnsiConsole.Write(table);
    }

    private static void RenderColumns(CatalogueEntry entry)
    {
        AnsiConsole.MarkupLine($"[bold]{entry.Dataset}[/] — {Markup.Escape(entry.Description)} ({Markup.Escape(entry.Agency)}; {entry.Rows?.ToString("N0") ?? "not ingested"} rows)");
        var table = new Table().AddColumns("column", "type", "sensitivity", "derived by", "meaning");
        foreach (var c in entry.Columns)
        {
            table.AddRow(c.Name, c.StoreType + (c.Nullable ? "?" : ""), c.Sensitivity.ToString(), c.Rule.ToString(), Markup.Escape(c.Meaning));
        }
        AnsiConsole.Write(table);
    }
}
