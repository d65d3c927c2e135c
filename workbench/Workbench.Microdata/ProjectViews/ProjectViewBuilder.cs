using System.Globalization;
using DuckDB.NET.Data;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;

namespace Workbench.Microdata.ProjectViews;

/// <summary>
/// Writes a project view: a separate DuckDB file with only the project's allowlisted datasets and columns, every key
/// translated from master to project pseudonyms. The translation is computed once per distinct unit in C# and joined
/// by DuckDB, so rows never pass through C#. The file is written next to its target and moved into place.
/// </summary>
public sealed class ProjectViewBuilder(TimeProvider timeProvider)
{
    /// <summary>Builds (or rebuilds) the view of <paramref name="projectId"/> at <paramref name="viewPath"/>.</summary>
    /// <param name="storePath">The analytical store.</param>
    /// <param name="viewPath">The view file to write; replaced when it exists.</param>
    /// <param name="projectId">The project; its pseudonyms are derived from it.</param>
    /// <param name="allowlist">Dataset name → stored column names the project may see.</param>
    /// <param name="key">The master key the store was made with.</param>
    /// <param name="cancellationToken">Stops between datasets.</param>
    /// <exception cref="ProjectViewException">For an unknown or not-ingested dataset, an unknown column or an empty list.</exception>
    /// <exception cref="StoreKeyMismatchException">When the store was made with another key.</exception>
    /// <exception cref="PseudonymCollisionException">When two units would get the same project pseudonym.</exception>
    public ProjectViewReport Build(
        string storePath, string viewPath, string projectId, IReadOnlyDictionary<string, IReadOnlyList<string>> allowlist,
        PseudonymKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        ArgumentNullException.ThrowIfNull(viewPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentNullException.ThrowIfNull(allowlist);
        ArgumentNullException.ThrowIfNull(key);
        var started = timeProvider.GetTimestamp();
        if (!File.Exists(storePath)) throw new FileNotFoundException($"store '{storePath}' does not exist", storePath);
        var tables = Resolve(projectId, allowlist);
        using (var store = StoreConnection.Open(storePath, readOnly: true))
        {
            var log = IngestLog.Read(store);
            IngestLog.CheckKey(storePath, log, key.Fingerprint);
            var missing = tables.FirstOrDefault(t => !log.ContainsKey(t.Dataset.Name));
            if (missing is not null)
            {
                throw new ProjectViewException(ProjectViewProblem.NotIngested, projectId, missing.Dataset.Name, null,
                    $"dataset '{missing.Dataset.Name}' is not in the store");
            }
        }

        var temporary = viewPath + ".building";
        File.Delete(temporary);
        File.Delete(temporary + ".wal");
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var pseudonyms = new Dictionary<KeyKind, long>();
        using (var view = StoreConnection.Open(temporary, readOnly: false))
        {
            view.Execute($"ATTACH '{storePath.Replace("'", "''", StringComparison.Ordinal)}' AS src (READ_ONLY)");
            using var projectPseudonymiser = new ProjectPseudonymiser(key, projectId);
            foreach (var kind in tables.SelectMany(t => t.Columns).Select(c => KeyKinds.For(c.Rule)).OfType<KeyKind>().Distinct())
            {
                cancellationToken.ThrowIfCancellationRequested();
                pseudonyms[kind] = WriteMapping(view, tables, kind, projectPseudonymiser);
            }
            foreach (var table in tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                view.Execute(CopySql(table));
                rows[table.Dataset.Name] = Count(view, table.Dataset.Name);
            }
            foreach (var kind in pseudonyms.Keys) view.Execute($"DROP TABLE {MapTable(kind)}");
            view.Execute("CREATE TABLE _view_info (project_id VARCHAR NOT NULL, built_at TIMESTAMP NOT NULL)");
            using (var info = view.CreateCommand())
            {
                info.CommandText = "INSERT INTO _view_info VALUES ($project, $at)";
                info.Parameters.Add(new DuckDBParameter("project", projectId));
                info.Parameters.Add(new DuckDBParameter("at", timeProvider.GetUtcNow().UtcDateTime));
                info.ExecuteNonQuery();
            }
            view.Execute("DETACH src");
            view.Execute("CHECKPOINT");
        }
        File.Move(temporary, viewPath, overwrite: true);
        return new ProjectViewReport(viewPath, projectId, rows, pseudonyms, timeProvider.GetElapsedTime(started));
    }

    private sealed record ViewTable(DatasetDefinition Dataset, IReadOnlyList<RawColumn> Columns);

    private static List<ViewTable> Resolve(string projectId, IReadOnlyDictionary<string, IReadOnlyList<string>> allowlist)
    {
        if (allowlist.Count == 0)
        {
            throw new ProjectViewException(ProjectViewProblem.EmptyAllowlist, projectId, null, null, "the allowlist names no datasets");
        }
        var tables = new List<ViewTable>();
        foreach (var (name, columnNames) in allowlist)
        {
            var dataset = Datasets.All.FirstOrDefault(d => d.Name == name)
                ?? throw new ProjectViewException(ProjectViewProblem.UnknownDataset, projectId, name, null,
                    $"unknown dataset '{name}' (known: {string.Join(", ", Datasets.All.Select(d => d.Name))})");
            if (columnNames.Count == 0)
            {
                throw new ProjectViewException(ProjectViewProblem.EmptyAllowlist, projectId, name, null, $"no columns allowed for dataset '{name}'");
            }
            var stored = dataset.StoredColumns.ToList();
            var unknown = columnNames.FirstOrDefault(c => stored.All(s => s.StoredAs != c));
            if (unknown is not null)
            {
                throw new ProjectViewException(ProjectViewProblem.UnknownColumn, projectId, name, unknown,
                    $"dataset '{name}' has no stored column '{unknown}' (stored: {string.Join(", ", stored.Select(s => s.StoredAs))})");
            }
            tables.Add(new ViewTable(dataset, [.. stored.Where(s => columnNames.Contains(s.StoredAs!))]));
        }
        return [.. tables.OrderBy(t => Datasets.All.ToList().IndexOf(t.Dataset))];
    }

    // One row per distinct master pseudonym of the kind in the allowlisted columns: master → project pseudonym.
    private static long WriteMapping(DuckDBConnection view, List<ViewTable> tables, KeyKind kind, ProjectPseudonymiser pseudonymiser)
    {
        var sources = tables.SelectMany(t => t.Columns.Where(c => KeyKinds.For(c.Rule) == kind)
            .Select(c => $"SELECT {StoreConnection.Quote(c.StoredAs!)} AS master FROM src.{StoreConnection.Quote(t.Dataset.Name)}"));
        var masters = new List<long>();
        using (var command = view.CreateCommand())
        {
            command.CommandText = $"SELECT DISTINCT master FROM ({string.Join(" UNION ALL ", sources)}) WHERE master IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read()) masters.Add(reader.GetInt64(0));
        }
        var projected = new long[masters.Count];
        Parallel.For(0, masters.Count, i => projected[i] = pseudonymiser.Pseudonymise(kind, masters[i]));
        var seen = new HashSet<long>(projected.Length);
        foreach (var pseudonym in projected)
        {
            if (!seen.Add(pseudonym)) throw new PseudonymCollisionException(kind, pseudonym, $"project '{pseudonymiser.ProjectId}'");
        }
        view.Execute($"CREATE TEMP TABLE {MapTable(kind)} (master BIGINT NOT NULL, project BIGINT NOT NULL)");
        using (var appender = view.CreateAppender("temp", "main", MapTable(kind)))
        {
            for (var i = 0; i < projected.Length; i++)
            {
                appender.CreateRow().AppendValue((long?)masters[i]).AppendValue((long?)projected[i]).EndRow();
            }
        }
        return projected.Length;
    }

    private static string CopySql(ViewTable table)
    {
        var select = new List<string>();
        var joins = new List<string>();
        foreach (var column in table.Columns)
        {
            var name = StoreConnection.Quote(column.StoredAs!);
            if (KeyKinds.For(column.Rule) is { } kind)
            {
                var alias = $"m{joins.Count}";
                joins.Add($"LEFT JOIN {MapTable(kind)} {alias} ON {alias}.master = t.{name}");
                select.Add($"{alias}.project AS {name}");
            }
            else
            {
                select.Add($"t.{name}");
            }
        }
        return $"CREATE TABLE {StoreConnection.Quote(table.Dataset.Name)} AS SELECT {string.Join(", ", select)} " +
               $"FROM src.{StoreConnection.Quote(table.Dataset.Name)} t {string.Join(" ", joins)}";
    }

    private static long Count(DuckDBConnection view, string table)
    {
        using var command = view.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {StoreConnection.Quote(table)}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string MapTable(KeyKind kind) => $"map_{kind.ToString().ToLowerInvariant()}";
}
