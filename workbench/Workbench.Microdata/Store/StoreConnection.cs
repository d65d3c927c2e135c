using DuckDB.NET.Data;

namespace Workbench.Microdata.Store;

/// <summary>Opens DuckDB store files and runs the few statements the library needs.</summary>
internal static class StoreConnection
{
    public static DuckDBConnection Open(string path, bool readOnly)
    {
        var connection = new DuckDBConnection($"Data Source={path}{(readOnly ? ";ACCESS_MODE=READ_ONLY" : "")}");
        connection.Open();
        return connection;
    }

    public static void Execute(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static bool TableExists(this DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $name";
        command.Parameters.Add(new DuckDBParameter("name", table));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Quotes an identifier for SQL.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
