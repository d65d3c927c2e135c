using System.Globalization;
using DuckDB.NET.Data;
using Workbench.Microdata.Schema;
using Workbench.Networks.Core;

namespace Workbench.Networks.Store;

/// <summary>
/// Builds the network cache file from an analytical store (or project view): every person of <c>persons</c> is a
/// vertex, every row of <c>network_links</c> a link in its layer. DuckDB maps the 64-bit pseudonyms to dense vertex
/// ids with a parallel join, so .NET only streams three small integers per link into <see cref="CsrWriter"/>.
/// </summary>
public static class StoreNetworkLoader
{
    /// <summary>Builds the cache at <paramref name="cachePath"/> from the store and opens it.</summary>
    /// <exception cref="FileNotFoundException">When the store does not exist.</exception>
    /// <exception cref="NetworkFormatException">When a link has an unknown layer or the store holds too many persons.</exception>
    public static MultilayerNetwork Build(string storePath, string cachePath)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        ArgumentNullException.ThrowIfNull(cachePath);
        using var connection = Open(storePath);
        var ids = ReadPersonIds(connection);
        var layers = Vocabulary.NetworkLayers;
        var cases = string.Join(' ', layers.Select((name, i) => $"WHEN '{name}' THEN {i}"));
        using (var writer = new CsrWriter(ids.Length, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(cachePath))!))
        {
            using var command = connection.CreateCommand();
            // Streaming: a materialised result would hold every link in DuckDB's memory before the first row is read.
            command.UseStreamingMode = true;
            command.CommandText = $"""
                WITH p AS (SELECT person_id, (row_number() OVER (ORDER BY person_id) - 1)::INTEGER AS i FROM persons)
                SELECT pa.i, pb.i, (CASE l.layer {cases} ELSE -1 END)::TINYINT
                FROM network_links l JOIN p pa ON pa.person_id = l.person_a JOIN p pb ON pb.person_id = l.person_b
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var layer = reader.GetFieldValue<sbyte>(2);
                if (layer < 0) throw new NetworkFormatException($"store '{storePath}': network links in layers other than {string.Join(", ", layers)}");
                writer.Add(reader.GetInt32(0), reader.GetInt32(1), layer);
            }
            writer.Write(cachePath, ids, layers);
        }
        return MultilayerNetwork.Open(cachePath);
    }

    /// <summary>
    /// Opens the cache when it exists and is newer than the store, otherwise builds it: the store is read once per
    /// delivery, later sessions map the file.
    /// </summary>
    public static MultilayerNetwork OpenOrBuild(string storePath, string cachePath)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        ArgumentNullException.ThrowIfNull(cachePath);
        if (File.Exists(cachePath) && File.GetLastWriteTimeUtc(cachePath) >= File.GetLastWriteTimeUtc(storePath))
        {
            return MultilayerNetwork.Open(cachePath);
        }
        return Build(storePath, cachePath);
    }

    internal static DuckDBConnection Open(string storePath)
    {
        if (!File.Exists(storePath)) throw new FileNotFoundException($"store '{storePath}' does not exist", storePath);
        var connection = new DuckDBConnection($"Data Source={storePath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return connection;
    }

    private static long[] ReadPersonIds(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM persons";
        var count = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (count > CsrWriter.MaxVertices) throw new NetworkFormatException($"{count} persons exceed the supported {CsrWriter.MaxVertices}");
        var ids = new long[count];
        command.CommandText = "SELECT person_id FROM persons ORDER BY person_id";
        using var reader = command.ExecuteReader();
        var i = 0;
        while (reader.Read()) ids[i++] = reader.GetInt64(0);
        return ids;
    }
}
