using Workbench.Microdata.Schema;

namespace Workbench.Api;

/// <summary>A column of the project's view: its name, DuckDB type, meaning and whether it is a unit key (a project pseudonym).</summary>
public sealed record ProjectColumn(string Name, string Type, string Meaning, bool IsKey);

/// <summary>A dataset of the project's view: what a row is, its unit, its rows and the allowlisted columns.</summary>
public sealed record ProjectDataset(string Name, string Description, string Unit, long Rows, IReadOnlyList<ProjectColumn> Columns)
{
    /// <summary>The column with this name.</summary>
    /// <exception cref="ArgumentException">When the dataset has no such column in the project's view.</exception>
    public ProjectColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException(
            $"dataset '{Name}' has no column '{name}' in this project (allowed: {string.Join(", ", Columns.Select(c => c.Name))})", nameof(name));
}

/// <summary>The project's datasets, as the view holds them, with meanings from the microdata schema.</summary>
public sealed record ProjectCatalogue(IReadOnlyList<ProjectDataset> Datasets)
{
    /// <summary>The dataset with this name.</summary>
    /// <exception cref="ArgumentException">When the project's view has no such dataset.</exception>
    public ProjectDataset Dataset(string name) =>
        Datasets.FirstOrDefault(d => d.Name == name)
        ?? throw new ArgumentException(
            $"dataset '{name}' is not in this project (allowed: {string.Join(", ", Datasets.Select(d => d.Name))})", nameof(name));

    internal static ProjectCatalogue From(IEnumerable<(string Table, string Column, string Type)> columns, IReadOnlyDictionary<string, long> rows)
    {
        var datasets = new List<ProjectDataset>();
        foreach (var table in columns.GroupBy(c => c.Table, StringComparer.Ordinal))
        {
            var schema = Microdata.Schema.Datasets.All.FirstOrDefault(d => d.Name == table.Key);
            var stored = schema?.StoredColumns.ToList() ?? [];
            var described = table.Select(c =>
            {
                var raw = stored.FirstOrDefault(s => s.StoredAs == c.Column);
                return new ProjectColumn(c.Column, c.Type, raw?.Meaning ?? string.Empty, raw?.IsKey ?? false);
            }).ToList();
            datasets.Add(new ProjectDataset(table.Key, schema?.Description ?? string.Empty, schema?.Unit ?? string.Empty,
                rows.GetValueOrDefault(table.Key), described));
        }
        var order = Microdata.Schema.Datasets.All.Select(d => d.Name).ToList();
        return new ProjectCatalogue([.. datasets.OrderBy(d => order.IndexOf(d.Name) is var i && i < 0 ? int.MaxValue : i).ThenBy(d => d.Name, StringComparer.Ordinal)]);
    }
}
