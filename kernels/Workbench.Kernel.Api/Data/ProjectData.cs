using System.Globalization;
using Microsoft.Data.Analysis;
using Workbench.Microdata.Store;

namespace Workbench.Api;

/// <summary>
/// The project's data inside the kernel: its view (a read-only DuckDB file with only the allowlisted datasets and
/// columns, every key a project pseudonym). Nothing else is reachable: the connection has external access switched off
/// and its configuration locked, so SQL cannot read other files, attach databases, write files or load extensions.
/// </summary>
/// <example><code>
/// var data = await ProjectData.OpenAsync();        // this kernel's project (signs you in on first use)
/// data.Catalogue                                   // datasets and columns with their meaning
/// var persons = data.Load("persons", "person_id", "gemeente", "birth_year");
/// var perMunicipality = data.Sql("SELECT gemeente, count(*) AS n FROM persons GROUP BY gemeente");
/// </code></example>
public sealed class ProjectData : IDisposable
{
    private readonly AnalyticalStore _view;

    private ProjectData(AnalyticalStore view, string viewPath, string projectId, DateTime builtAt, ProjectCatalogue catalogue)
    {
        _view = view;
        ViewPath = viewPath;
        ProjectId = projectId;
        BuiltAt = builtAt;
        Catalogue = catalogue;
    }

    /// <summary>
    /// The view file (read-only; <c>/project/view.duckdb</c> in a project kernel), for libraries that read a store
    /// themselves, such as the network library's <c>StoreNetworkLoader.Build(data.ViewPath, "network.cache")</c>.
    /// </summary>
    public string ViewPath { get; }

    /// <summary>The project the view was built for.</summary>
    public string ProjectId { get; }

    /// <summary>When the view was built (UTC).</summary>
    public DateTime BuiltAt { get; }

    /// <summary>The datasets and columns of the view, with their meaning.</summary>
    public ProjectCatalogue Catalogue { get; }

    /// <summary>The project's areas as a hierarchy (buurt ⊂ wijk ⊂ gemeente), for <c>By("wijk_code", hierarchy: data.Areas)</c>.</summary>
    /// <exception cref="ArgumentException">When the project's allowlist lacks the <c>areas</c> dataset or its code columns.</exception>
    public CategoryHierarchy Areas => _areas ??= Hierarchies.Areas(this);

    private CategoryHierarchy? _areas;

    private static IProjectSource? s_source;
    private static readonly SemaphoreSlim s_opening = new(1, 1);
    private static ProjectData? s_opened;
    private bool _disposed;
    private (long Length, DateTime Written) _file;

    /// <summary>
    /// The kernel's project (set once by the kernel's worker at start-up); <c>null</c> outside a project kernel, where
    /// <see cref="OpenAsync"/> says so.
    /// </summary>
    public static IProjectSource? Source
    {
        get => Volatile.Read(ref s_source);
        set => Volatile.Write(ref s_source, value);
    }

    /// <summary>
    /// Opens this kernel's project: its view as the server built it from the allowlist today (a changed allowlist gives
    /// a new view at the next call). The first call may ask you to sign in for the project. Called again (a cell run
    /// again), it returns the project already open while the view is unchanged; when the view changed, the previous
    /// <see cref="ProjectData"/> is closed and the new view opened.
    /// </summary>
    /// <exception cref="ProjectAccessException">When the kernel has no project, or the project cannot be reached, with the reason.</exception>
    public static async Task<ProjectData> OpenAsync(CancellationToken cancellationToken = default)
    {
        var source = Source ?? throw new ProjectAccessException(
            "this kernel is not bound to a project: start it from the workbench, or set WORKBENCH_SERVER and WORKBENCH_PROJECT (see kernels/README.md)");
        await s_opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var path = Path.GetFullPath(await source.ViewPathAsync(cancellationToken).ConfigureAwait(false));
            // A notebook's first cell is run again and again. DuckDB shares one database per file within the process,
            // and the open one has its configuration locked, so a second connection cannot be locked down (nor would it
            // see a new view linked over the old path): the open project is returned while its file is the same one,
            // and closed before the new view is opened when the front delivered a new one.
            if (s_opened is { _disposed: false } open && open.ViewPath == path && open._file == Identity(path)) return open;
            s_opened?.Dispose();
            s_opened = Open(path);
            return s_opened;
        }
        finally
        {
            s_opening.Release();
        }
    }

    private static (long, DateTime) Identity(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc) : (-1, default);
    }

    /// <summary>Opens a project view read-only and locked down.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is not a project view (no <c>_view_info</c>).</exception>
    public static ProjectData Open(string viewPath)
    {
        var view = AnalyticalStore.OpenLockedDown(viewPath);
        try
        {
            var info = view.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name = '_view_info'");
            if (info.Rows.Count == 0)
            {
                throw new InvalidDataException($"'{viewPath}' is not a project view: it has no _view_info table");
            }
            var row = view.Query("SELECT project_id, built_at FROM _view_info");
            var projectId = (string)row.Columns[0][0];
            var builtAt = (DateTime)row.Columns[1][0];
            var columns = view.Query(
                "SELECT table_name, column_name, data_type FROM information_schema.columns " +
                "WHERE table_schema = 'main' AND table_name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY table_name, ordinal_position");
            var rows = new List<(string, string, string)>((int)columns.Rows.Count);
            for (long r = 0; r < columns.Rows.Count; r++)
            {
                rows.Add(((string)columns.Columns[0][r], (string)columns.Columns[1][r], (string)columns.Columns[2][r]));
            }
            var counts = view.Tables().ToDictionary(t => t, t => Convert.ToInt64(
                view.Query($"SELECT count(*) FROM {Quote(t)}").Columns[0][0], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            return new ProjectData(view, Path.GetFullPath(viewPath), projectId, builtAt, ProjectCatalogue.From(rows, counts)) { _file = Identity(viewPath) };
        }
        catch
        {
            view.Dispose();
            throw;
        }
    }

    /// <summary>Loads columns of an allowlisted dataset (all of them when none are named), in the view's row order.</summary>
    /// <exception cref="ArgumentException">For a dataset or column the project's view does not hold.</exception>
    public DataFrame Load(string dataset, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var entry = Catalogue.Dataset(dataset);
        foreach (var column in columns)
        {
            _ = entry.Column(column);
        }
        var selected = columns.Length == 0 ? entry.Columns.Select(c => c.Name).ToArray() : columns;
        return _view.Query($"SELECT {string.Join(", ", selected.Select(Quote))} FROM {Quote(entry.Name)} ORDER BY rowid");
    }

    /// <summary>
    /// Runs SQL over the project's view in DuckDB (for national-scale aggregation) and returns the result. Read-only:
    /// only this view is reachable; reading other files, ATTACH, COPY TO, INSTALL/LOAD and changing settings fail.
    /// </summary>
    /// <param name="sql">The query; <c>$name</c> placeholders take <paramref name="parameters"/>.</param>
    /// <param name="parameters">Named parameter values.</param>
    /// <exception cref="ProjectSqlException">When DuckDB refuses the statement, with its reason.</exception>
    public DataFrame Sql(string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        try
        {
            return _view.Query(sql, parameters);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new ProjectSqlException(e.Message, e);
        }
    }

    /// <summary>Closes the view.</summary>
    public void Dispose()
    {
        _disposed = true;
        _view.Dispose();
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
