using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Cli.Infrastructure;
using Workbench.Microdata.ProjectViews;
using Workbench.Microdata.Schema;

namespace Workbench.Cli.Data;

/// <summary>
/// <c>workbench data view --project P --allow persons:person_id,birth_year --allow suspects --out FILE</c>: writes the
/// project's view of the store, keyed by project pseudonyms.
/// </summary>
internal sealed class ViewCommand : Command<ViewCommand.Settings>
{
    public sealed class Settings : KeySettings
    {
        [CommandOption("--project <ID>")]
        [Description("The project the view is for; its pseudonyms are derived from this id.")]
        public string? Project { get; init; }

        [CommandOption("--allow <DATASET[:COLUMNS]>")]
        [Description("An allowlisted dataset, optionally with a comma-separated list of its stored columns (default: all). Repeatable.")]
        public string[] Allow { get; init; } = [];

        [CommandOption("--out <FILE>")]
        [Description("The view file to write.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Project) ? ValidationResult.Error("--project: a project id is required")
            : Allow.Length == 0 ? ValidationResult.Error("--allow: name at least one dataset")
            : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out: a view file is required")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var ownerOnly = OwnerOnlyFiles.Scope(); // what it writes is data: owner-only from the first byte
        var allowlist = ParseAllowlist(settings.Allow);
        using var key = settings.LoadKey();
        var output = Path.GetFullPath(settings.Out!);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var report = new ProjectViewBuilder(TimeProvider.System).Build(settings.StorePath, output, settings.Project!, allowlist, key, cancellationToken);
        AnsiConsole.MarkupLine($"Wrote the view of project [bold]{Markup.Escape(report.ProjectId)}[/] to {Markup.Escape(report.ViewPath)} in {report.Elapsed.TotalSeconds:F1} s");
        var table = new Table().AddColumns("dataset", "rows", "columns");
        foreach (var (dataset, rows) in report.Rows) table.AddRow(dataset, $"{rows:N0}", string.Join(", ", allowlist[dataset]));
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>Parses <c>dataset[:col,col]</c> entries; a bare dataset allows all its stored columns.</summary>
    internal static Dictionary<string, IReadOnlyList<string>> ParseAllowlist(IEnumerable<string> entries)
    {
        var allowlist = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var (name, columns) = entry.Split(':', 2) is [var n, var c] ? (n, c) : (entry, null);
            var dataset = Datasets.All.FirstOrDefault(d => d.Name == name)
                ?? throw new ArgumentException($"--allow: unknown dataset '{name}'");
            IReadOnlyList<string> list = columns is null
                ? [.. dataset.StoredColumns.Select(c => c.StoredAs!)]
                : [.. columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (!allowlist.TryAdd(name, list)) throw new ArgumentException($"--allow: dataset '{name}' is named twice");
        }
        return allowlist;
    }
}
