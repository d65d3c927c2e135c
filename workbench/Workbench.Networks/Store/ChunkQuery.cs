using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Workbench.Networks.Store;

/// <summary>
/// A streaming DuckDB query read chunk by chunk through the C API: each chunk hands over up to 2,048 rows per column
/// as a plain native array, instead of a reader call and a boxing-free but still per-value conversion per cell. The
/// result streams, so DuckDB never holds more than a few chunks of the (billion-row) result in memory.
/// </summary>
internal sealed unsafe class ChunkQuery : IDisposable
{
    private readonly DuckDBPreparedStatement _statement;
    private DuckDBResult _result;
    private DuckDBDataChunk? _chunk;
    private bool _open;

    /// <exception cref="InvalidOperationException">When DuckDB rejects the query or a column has another type.</exception>
    public ChunkQuery(DuckDBConnection connection, string sql, params DuckDBType[] columnTypes)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, sql, out _statement) != DuckDBState.Success)
        {
            var error = NativeMethods.PreparedStatements.DuckDBPrepareError(_statement);
            _statement.Dispose();
            throw new InvalidOperationException($"DuckDB could not prepare the query: {error}");
        }
        if (NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(_statement, out _result) != DuckDBState.Success)
        {
            var error = NativeMethods.Query.DuckDBResultError(ref _result);
            NativeMethods.Query.DuckDBDestroyResult(ref _result);
            _statement.Dispose();
            throw new InvalidOperationException($"DuckDB could not run the query: {error}");
        }
        _open = true;
        for (var i = 0; i < columnTypes.Length; i++)
        {
            var type = NativeMethods.Query.DuckDBColumnType(ref _result, i);
            if (type != columnTypes[i])
            {
                Dispose();
                throw new InvalidOperationException($"column {i} of the query is {type}, expected {columnTypes[i]}");
            }
        }
    }

    /// <summary>Fetches the next chunk; returns its row count, 0 at the end of the result.</summary>
    /// <exception cref="InvalidOperationException">When the query fails while streaming.</exception>
    public int Next()
    {
        _chunk?.Dispose();
        _chunk = NativeMethods.Query.DuckDBFetchChunk(_result);
        if (_chunk.IsInvalid)
        {
            var error = NativeMethods.Query.DuckDBResultError(ref _result);
            if (!string.IsNullOrEmpty(error)) throw new InvalidOperationException($"DuckDB failed while streaming the query: {error}");
            return 0;
        }
        return (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(_chunk);
    }

    /// <summary>The values of a column of the current chunk, valid until the next call of <see cref="Next"/>.</summary>
    /// <exception cref="InvalidOperationException">When one of the first <paramref name="rows"/> values is NULL.</exception>
    public T* Column<T>(int column, int rows)
        where T : unmanaged
    {
        var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk!, column);
        var validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        if (validity is not null)
        {
            // A missing mask means no NULLs; a present one is checked 64 rows per word.
            for (var word = 0; word < rows >> 6; word++)
            {
                if (validity[word] != ulong.MaxValue) throw new InvalidOperationException($"column {column} holds NULL");
            }
            var rest = rows & 63;
            if (rest != 0 && (validity[rows >> 6] & ((1UL << rest) - 1)) != (1UL << rest) - 1) throw new InvalidOperationException($"column {column} holds NULL");
        }
        return (T*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
    }

    public void Dispose()
    {
        _chunk?.Dispose();
        _chunk = null;
        if (_open)
        {
            NativeMethods.Query.DuckDBDestroyResult(ref _result);
            _open = false;
        }
        _statement.Dispose();
    }
}
