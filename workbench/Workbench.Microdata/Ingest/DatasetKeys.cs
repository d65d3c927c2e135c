using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Ingest;

/// <summary>What the schema says about a dataset's keys and the datasets it needs.</summary>
internal static class DatasetKeys
{
    /// <summary>
    /// The raw column whose values must be unique (the BSN of persons, the buurt code of areas): a first column that
    /// defines a key rather than referring to one. <c>-1</c> for datasets with repeated keys (jobs, links).
    /// </summary>
    public static int DefiningColumn(DatasetDefinition dataset)
    {
        var first = dataset.Columns[0];
        return (first.IsKey && first.References is null) || first.Rule == ColumnRule.AreaCode ? 0 : -1;
    }

    /// <summary>The stored buurt-code column of a dataset, if any (the buildings' location).</summary>
    public static RawColumn? BuurtColumn(DatasetDefinition dataset) =>
        dataset.StoredColumns.FirstOrDefault(c => c.Rule == ColumnRule.AreaCode && c.AreaLevel == AreaLevel.Buurt);

    /// <summary>The datasets whose contents decide which of this dataset's records are accepted.</summary>
    public static IEnumerable<string> Dependencies(DatasetDefinition dataset)
    {
        var areas = DefiningColumn(dataset) == 0 && dataset.Columns[0].Rule == ColumnRule.AreaCode;
        foreach (var column in dataset.Columns)
        {
            if (column.References is { } referenced) yield return referenced;
            if (column.Rule == ColumnRule.AreaCode && !areas) yield return Datasets.Areas;
        }
    }
}
