using DuckDB.NET.Data;

namespace Workbench.Microdata.Tests.Builders;

/// <summary>Reads back everything a DuckDB file holds, for tests that scan or compare whole stores.</summary>
internal static class StoreContents
{
    /// <summary>Every cell of every table as text, with its table, column and DuckDB type.</summary>
    public static List<(string Table, string Column, string Type, string Value)> Cells(string path)
    {
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var columns = new List<(string Table, string Column, string Type)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position";
            using var reader = command.ExecuteReader();
            while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        var cells = new List<(string, string, string, string)>();
        foreach (var (table, column, type) in columns)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT CAST(\"{column}\" AS VARCHAR) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read()) cells.Add((table, column, type, reader.GetString(0)));
        }
        return cells;
    }

    /// <summary>Every table's rows, sorted, as one text per table: equal stores give equal dumps.</summary>
    public static Dictionary<string, string> Dump(string path) =>
        Cells(path).GroupBy(c => $"{c.Table}.{c.Column}")
            .ToDictionary(g => g.Key, g => string.Join('\n', g.Select(c => c.Value).Order(StringComparer.Ordinal)));

    /// <summary>A single scalar query against a store.</summary>
    public static object? Scalar(string path, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
