using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace Workbench.Microdata.Store;

/// <summary>
/// Read access to an analytical store or a project view: a DuckDB file of pseudonymised tables. Opened read-only;
/// only <see cref="Ingest.Ingestor"/> and <see cref="ProjectViews.ProjectViewBuilder"/> write stores.
/// </summary>
public sealed class AnalyticalStore : IDisposable
{
    private readonly DuckDBConnection _connection;

    private AnalyticalStore(string path, DuckDBConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>Opens an existing store read-only.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static AnalyticalStore OpenReadOnly(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"store '{path}' does not exist", path);
        return new AnalyticalStore(path, StoreConnection.Open(path, readOnly: true));
    }

    /// <summary>
    /// Opens an existing store or view read-only for user code (the kernel's SQL): no file but this one is reachable.
    /// External access is off (no read_csv of other files, no ATTACH, no COPY TO, no extension install or load), and
    /// the configuration is locked so a query cannot switch it back on.
    /// </summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static AnalyticalStore OpenLockedDown(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"store '{path}' does not exist", path);
        var connection = StoreConnection.Open(path, readOnly: true);
        try
        {
            connection.Execute("SET autoinstall_known_extensions = false");
            connection.Execute("SET autoload_known_extensions = false");
            connection.Execute("SET allow_community_extensions = false");
            connection.Execute("SET enable_external_access = false");
            connection.Execute("SET lock_configuration = true");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new AnalyticalStore(path, connection);
    }

    /// <summary>The data tables, sorted by name (bookkeeping tables starting with '_' excluded).</summary>
    public IReadOnlyList<string> Tables()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY table_name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>Runs a query and returns its result as a DataFrame (BIGINT → Int64, VARCHAR → String, DATE → DateTime, ...).</summary>
    /// <param name="sql">The query; use <c>$name</c> placeholders for <paramref name="parameters"/>.</param>
    /// <param name="parameters">Named parameter values.</param>
    /// <exception cref="NotSupportedException">When a result column has a type without a DataFrame column (LIST, STRUCT).</exception>
    public DataFrame Query(string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        using var reader = command.ExecuteReader();
        return DataFrameReader.Read(reader);
    }

    /// <summary>Closes the store.</summary>
    public void Dispose() => _connection.Dispose();
}
