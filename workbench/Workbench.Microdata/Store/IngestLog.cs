using DuckDB.NET.Data;

namespace Workbench.Microdata.Store;

/// <summary>The <c>_ingest_log</c> table: one row per dataset, replaced in the same transaction as its table.</summary>
internal static class IngestLog
{
    public const string Table = "_ingest_log";

    public static void EnsureCreated(DuckDBConnection connection) => connection.Execute($"""
        CREATE TABLE IF NOT EXISTS {Table} (
            dataset VARCHAR PRIMARY KEY, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, manifest_version VARCHAR,
            rows_read BIGINT NOT NULL, rows_accepted BIGINT NOT NULL, rows_quarantined BIGINT NOT NULL,
            ingested_at TIMESTAMP NOT NULL, key_fingerprint VARCHAR NOT NULL)
        """);

    /// <summary>All entries by dataset; empty when the store has no log yet.</summary>
    public static Dictionary<string, IngestLogEntry> Read(DuckDBConnection connection)
    {
        var entries = new Dictionary<string, IngestLogEntry>(StringComparer.Ordinal);
        if (!connection.TableExists(Table)) return entries;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT dataset, file, sha256, manifest_version, rows_read, rows_accepted, rows_quarantined, ingested_at, key_fingerprint FROM {Table}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entry = new IngestLogEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc)), reader.GetString(8));
            entries.Add(entry.Dataset, entry);
        }
        return entries;
    }

    public static void Replace(DuckDBConnection connection, IngestLogEntry entry)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = $"DELETE FROM {Table} WHERE dataset = $dataset";
            delete.Parameters.Add(new DuckDBParameter("dataset", entry.Dataset));
            delete.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {Table} VALUES ($dataset, $file, $sha, $version, $read, $accepted, $quarantined, $at, $fingerprint)";
        insert.Parameters.Add(new DuckDBParameter("dataset", entry.Dataset));
        insert.Parameters.Add(new DuckDBParameter("file", entry.File));
        insert.Parameters.Add(new DuckDBParameter("sha", entry.Sha256));
        insert.Parameters.Add(new DuckDBParameter("version", (object?)entry.ManifestVersion ?? DBNull.Value));
        insert.Parameters.Add(new DuckDBParameter("read", entry.RowsRead));
        insert.Parameters.Add(new DuckDBParameter("accepted", entry.RowsAccepted));
        insert.Parameters.Add(new DuckDBParameter("quarantined", entry.RowsQuarantined));
        insert.Parameters.Add(new DuckDBParameter("at", entry.IngestedAt.UtcDateTime));
        insert.Parameters.Add(new DuckDBParameter("fingerprint", entry.KeyFingerprint));
        insert.ExecuteNonQuery();
    }

    /// <summary>Refuses a store whose existing pseudonyms were made with another key.</summary>
    /// <exception cref="StoreKeyMismatchException">When any logged dataset has another key fingerprint.</exception>
    public static void CheckKey(string storePath, IReadOnlyDictionary<string, IngestLogEntry> entries, string fingerprint)
    {
        var other = entries.Values.FirstOrDefault(e => e.KeyFingerprint != fingerprint);
        if (other is not null) throw new StoreKeyMismatchException(storePath, other.KeyFingerprint, fingerprint);
    }
}
