using System.Collections.Concurrent;
using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Workbench.Microdata.Schema;
using Workbench.Networks.Core;

namespace Workbench.Networks.Store;

/// <summary>
/// Builds the network cache file from an analytical store (or project view): every person of <c>persons</c> is a
/// vertex, every row of <c>network_links</c> a link in its layer. The links stream raw out of DuckDB, a chunk of native
/// arrays at a time; .NET maps their 64-bit pseudonyms to dense vertex ids through a <see cref="PseudonymIndex"/> on a
/// second thread and feeds <see cref="CsrWriter"/>. Cheaper than DuckDB joining the links twice with a row-numbered
/// <c>persons</c> (14.8 s against 23.5 s for the build at 10M persons).
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
        // A kernel holding the project's view locked down shares its database with this connection: then the view's
        // settings (locked by its owner) stay as they are, and the build runs under them.
        var limited = !ConfigurationLocked(connection);
        if (limited)
        {
            // Left alone, DuckDB's buffer pool keeps store blocks up to 80% of RAM (2.8 GB at 10M persons); the
            // joins need far less and spill to disk beyond the limit. Reset below: the instance may be shared.
            Execute(connection, $"SET memory_limit = '{BuildMemoryLimit}'");
        }
        try
        {
            BuildCache(connection, storePath, cachePath);
        }
        finally
        {
            if (limited) Execute(connection, "RESET memory_limit");
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

    private static bool ConfigurationLocked(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('lock_configuration')";
        return command.ExecuteScalar() is true;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
            using var index = new PseudonymIndex(ids);
            // NULL pseudonyms and pseudonyms of no person drop the link, as an inner join with the persons would.
            using var links = new ChunkQuery(connection, $"""
                SELECT person_a, person_b, (CASE layer {cases} ELSE -1 END)::TINYINT
                FROM network_links WHERE person_a IS NOT NULL AND person_b IS NOT NULL
                """, DuckDBType.BigInt, DuckDBType.BigInt, DuckDBType.TinyInt);
            // Two stages on their own threads: this one fetches chunks from DuckDB into batches, a worker maps the
            // pseudonyms of a full batch (random reads into the index) and spills its links.
            var free = new BlockingCollection<LinkBatch>();
            var full = new BlockingCollection<LinkBatch>();
            for (var i = 0; i < PipelineBatches; i++) free.Add(new LinkBatch());
            var consumer = Task.Factory.StartNew(() =>
            {
                foreach (var batch in full.GetConsumingEnumerable())
                {
                    for (var r = 0; r < batch.Count; r++)
                    {
                        var va = index.Find(batch.A[r]);
                        var vb = index.Find(batch.B[r]);
                        if ((va | vb) < 0) continue;
                        if (batch.Layer[r] < 0) throw new NetworkFormatException($"store '{storePath}': network links in layers other than {string.Join(", ", layers)}");
                        writer.Add(va, vb, batch.Layer[r]);
                    }
                    batch.Count = 0;
                    free.Add(batch);
                }
            }, TaskCreationOptions.LongRunning);
            try
            {
                var current = free.Take();
                int rows;
                while ((rows = links.Next()) > 0)
                {
                    if (current.Count + rows > LinkBatch.Capacity)
                    {
                        full.Add(current);
                        current = TakeFree(free, consumer);
                    }
                    new ReadOnlySpan<long>(links.Column<long>(0, rows), rows).CopyTo(current.A.AsSpan(current.Count));
                    new ReadOnlySpan<long>(links.Column<long>(1, rows), rows).CopyTo(current.B.AsSpan(current.Count));
                    new ReadOnlySpan<sbyte>(links.Column<sbyte>(2, rows), rows).CopyTo(current.Layer.AsSpan(current.Count));
                    current.Count += rows;
                }
                if (current.Count > 0) full.Add(current);
            }
            finally
            {
                full.CompleteAdding();
                consumer.GetAwaiter().GetResult();
            }
            writer.Write(cachePath, ids, layers);
        }
    }

    /// <summary>Batches in flight between the fetching and the mapping thread.</summary>
    private const int PipelineBatches = 4;

    private sealed class LinkBatch
    {
        public const int Capacity = 64 * 1024;
        public readonly long[] A = new long[Capacity];
        public readonly long[] B = new long[Capacity];
        public readonly sbyte[] Layer = new sbyte[Capacity];
        public int Count;
    }

    /// <summary>The next free batch; stops fetching when the mapping thread failed (its exception surfaces on Wait).</summary>
    private static LinkBatch TakeFree(BlockingCollection<LinkBatch> free, Task consumer)
    {
        while (true)
        {
            if (free.TryTake(out var batch, 100)) return batch;
            if (consumer.IsCompleted) throw new OperationCanceledException("the link mapping stopped");
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
