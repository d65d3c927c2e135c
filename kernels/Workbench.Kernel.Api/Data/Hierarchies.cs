namespace Workbench.Api;

/// <summary>
/// Ready-made hierarchies for table dimensions: the CBS areas of the project (buurt ⊂ wijk ⊂ gemeente) and SBI 2008
/// (division ⊂ section).
/// </summary>
/// <example><code>
/// Output.Table(data, "SELECT wijk_code, building_id FROM buildings JOIN areas USING (buurt_code)")
///     .By("wijk_code", hierarchy: Hierarchies.Areas(data)).Count("building_id")   // wijken, gemeenten, Totaal
/// Output.Table(companies).By("sbi_division", hierarchy: Hierarchies.Sbi).Count("company_id")
/// </code></example>
public static class Hierarchies
{
    /// <summary>The dataset the areas hierarchy is read from.</summary>
    public const string AreasDataset = "areas";

    /// <summary>The area levels, finest first, as the project's view names their code columns.</summary>
    public static readonly IReadOnlyList<string> AreaLevels = ["buurt_code", "wijk_code", "gemeente_code"];

    /// <summary>SBI 2008: each two-digit division (as the <c>sbi_division</c> column holds it) under its section letter.</summary>
    public static CategoryHierarchy Sbi { get; } =
        CategoryHierarchy.FromParents("sbi", SbiSections.Divisions.Select(d => KeyValuePair.Create(d, SbiSections.SectionOf(d))));

    /// <summary>
    /// The project's areas: every buurt under its wijk and every wijk under its gemeente, from the <c>areas</c>
    /// dataset of the project's view. When the allowlist holds only two of the code columns (say buurt and gemeente),
    /// the hierarchy has those two levels.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// When the project's allowlist lacks the <c>areas</c> dataset or fewer than two of its code columns.
    /// </exception>
    public static CategoryHierarchy Areas(ProjectData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dataset = data.Catalogue.Datasets.FirstOrDefault(d => d.Name == AreasDataset)
            ?? throw new ArgumentException(
                $"the areas hierarchy is read from the dataset '{AreasDataset}', which this project's allowlist lacks: ask for " +
                $"'{AreasDataset}' with {string.Join(", ", AreaLevels)} (allowed: {string.Join(", ", data.Catalogue.Datasets.Select(d => d.Name))})",
                nameof(data));
        var levels = AreaLevels.Where(l => dataset.Columns.Any(c => c.Name == l)).ToList();
        if (levels.Count < 2)
        {
            throw new ArgumentException(
                $"the areas hierarchy needs at least two of {string.Join(", ", AreaLevels)} in the dataset '{AreasDataset}', but this " +
                $"project's allowlist has {(levels.Count == 0 ? "none" : string.Join(", ", levels))}", nameof(data));
        }
        var columns = string.Join(", ", levels.Select(ProjectData.Quote));
        var frame = data.Sql($"SELECT DISTINCT {columns} FROM {ProjectData.Quote(AreasDataset)} ORDER BY {columns}");
        var chains = new List<IReadOnlyList<string>>((int)frame.Rows.Count);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            chains.Add([.. levels.Select((level, i) => TableBuilder.Label(frame.Columns[i][r], level, r))]);
        }
        return CategoryHierarchy.FromChains(AreasDataset, chains);
    }
}
