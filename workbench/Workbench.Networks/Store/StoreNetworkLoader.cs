using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Workbench.Microdata.Schema;
using Workbench.Networks.Core;

namespace Workbench.Networks.Store;

/// <summary>
/// Builds the network cache file from an analytical store (or project view): every person of <c>persons</c> is a
/// vertex, every row of <c>network_links</c> a link in its layer. DuckDB maps the 64-bit pseudonyms to dense vertex
/// ids with a parallel join, so .NET only streams three small integers per link, a chunk of native arrays at a time,
/// into <see cref="CsrWriter"/>.
/// </summary>
public static unsafe class StoreNetworkLoader
{
    /// <summary>DuckDB's memory while building: 10M persons need about 1 GB without spilling.</summary>
    private const string BuildMemoryLimit = "1GB";

    /// <summary>Builds the cache at <paramref name="cachePath"/> from the store and opens it.</summary>
    /// <exception cref="FileNotFoundException">When the store does not exist.</exception>
    /// <exception cref="NetworkFormatException">When a link has an unknown layer or the store holds too many persons.</exception>
    public static MultilayerNetwork Build(string storePath, string cachePath)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        ArgumentNullException.ThrowIfNull(cachePath);
        using var connection = Open(storePath);
        using (var limit = connection.CreateCommand())
        {
            // Left alone, DuckDB's buffer pool keeps store blocks up to 80% of RAM (2.8 GB at 10M persons); the
            // joins need far less and spill to disk beyond the limit. Reset below: the instance may be shared.
            limit.CommandText = $"SET memory_limit = '{BuildMemoryLimit}'";
            limit.ExecuteNonQuery();
        }
        try
        {
            BuildCache(connection, storePath, cachePath);
        }
        finally
        {
            using var reset = connection.CreateCommand();
            reset.CommandText = "RESET memory_limit";
            reset.ExecuteNonQuery();
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

    private static void BuildCache(DuckDBConnection connection, string storePath, string cachePath)
    {
        var ids = ReadPersonIds(connection);
        var layers = Vocabulary.NetworkLayers;
        var cases = string.Join(' ', layers.Select((name, i) => $"WHEN '{name}' THEN {i}"));
        using (var writer = new CsrWriter(ids.Length, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(cachePath))!))
        {
            using var links = new ChunkQuery(connection, $"""
                WITH p AS (SELECT person_id, (row_number() OVER (ORDER BY person_id) - 1)::INTEGER AS i FROM persons)
                SELECT pa.i, pb.i, (CASE l.layer {cases} ELSE -1 END)::TINYINT
                FROM network_links l JOIN p pa ON pa.person_id = l.person_a JOIN p pb ON pb.person_id = l.person_b
                """, DuckDBType.Integer, DuckDBType.Integer, DuckDBType.TinyInt);
            int rows;
            while ((rows = links.Next()) > 0)
            {
                var a = links.Column<int>(0, rows);
                var b = links.Column<int>(1, rows);
                var layer = links.Column<sbyte>(2, rows);
                for (var r = 0; r < rows; r++)
                {
                    if (layer[r] < 0) throw new NetworkFormatException($"store '{storePath}': network links in layers other than {string.Join(", ", layers)}");
                    writer.Add(a[r], b[r], layer[r]);
                }
            }
            writer.Write(cachePath, ids, layers);
        }
    }

    private static long[] ReadPersonIds(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM persons";
        var count = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (count > CsrWriter.MaxVertices) throw new NetworkFormatException($"{count} persons exceed the supported {CsrWriter.MaxVertices}");
        var ids = new long[count];
        using var query = new ChunkQuery(connection, "SELECT person_id FROM persons ORDER BY person_id", DuckDBType.BigInt);
        var i = 0;
        int rows;
        while ((rows = query.Next()) > 0)
        {
            if (i + rows > ids.Length) throw new NetworkFormatException("the persons changed while they were read");
            new ReadOnlySpan<long>(query.Column<long>(0, rows), rows).CopyTo(ids.AsSpan(i));
            i += rows;
        }
        if (i != ids.Length) throw new NetworkFormatException("the persons changed while they were read");
        return ids;
    }
}
