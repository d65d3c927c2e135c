using System.Data.Common;
using System.Numerics;
using Microsoft.Data.Analysis;

namespace Workbench.Microdata.Store;

/// <summary>Reads a query result into a <see cref="DataFrame"/>, one typed column per result column, NULLs kept.</summary>
internal static class DataFrameReader
{
    public static DataFrame Read(DbDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => ColumnFor(reader.GetName(i), reader.GetFieldType(i), reader.GetDataTypeName(i)))
            .ToArray();
        while (reader.Read())
        {
            for (var i = 0; i < columns.Length; i++) columns[i].Add(reader, i);
        }
        return new DataFrame(columns.Select(c => c.Build()));
    }

    private static ColumnBuffer ColumnFor(string name, Type type, string typeName) => type switch
    {
        _ when type == typeof(long) => new Buffer<long>(name, (r, i) => r.GetInt64(i), (n, v) => new Int64DataFrameColumn(n, v)),
        _ when type == typeof(int) => new Buffer<int>(name, (r, i) => r.GetInt32(i), (n, v) => new Int32DataFrameColumn(n, v)),
        _ when type == typeof(short) => new Buffer<short>(name, (r, i) => r.GetInt16(i), (n, v) => new Int16DataFrameColumn(n, v)),
        _ when type == typeof(sbyte) => new Buffer<sbyte>(name, (r, i) => r.GetFieldValue<sbyte>(i), (n, v) => new SByteDataFrameColumn(n, v)),
        _ when type == typeof(byte) => new Buffer<byte>(name, (r, i) => r.GetByte(i), (n, v) => new ByteDataFrameColumn(n, v)),
        _ when type == typeof(ushort) => new Buffer<ushort>(name, (r, i) => r.GetFieldValue<ushort>(i), (n, v) => new UInt16DataFrameColumn(n, v)),
        _ when type == typeof(uint) => new Buffer<uint>(name, (r, i) => r.GetFieldValue<uint>(i), (n, v) => new UInt32DataFrameColumn(n, v)),
        _ when type == typeof(ulong) => new Buffer<ulong>(name, (r, i) => r.GetFieldValue<ulong>(i), (n, v) => new UInt64DataFrameColumn(n, v)),
        _ when type == typeof(BigInteger) => new Buffer<decimal>(name, (r, i) => (decimal)r.GetFieldValue<BigInteger>(i), (n, v) => new DecimalDataFrameColumn(n, v)),
        _ when type == typeof(bool) => new Buffer<bool>(name, (r, i) => r.GetBoolean(i), (n, v) => new BooleanDataFrameColumn(n, v)),
        _ when type == typeof(double) => new Buffer<double>(name, (r, i) => r.GetDouble(i), (n, v) => new DoubleDataFrameColumn(n, v)),
        _ when type == typeof(float) => new Buffer<float>(name, (r, i) => r.GetFloat(i), (n, v) => new SingleDataFrameColumn(n, v)),
        _ when type == typeof(decimal) => new Buffer<decimal>(name, (r, i) => r.GetDecimal(i), (n, v) => new DecimalDataFrameColumn(n, v)),
        _ when type == typeof(DateTime) => new Buffer<DateTime>(name, (r, i) => r.GetDateTime(i), (n, v) => new PrimitiveDataFrameColumn<DateTime>(n, v)),
        _ when type == typeof(DateOnly) => new Buffer<DateTime>(name, (r, i) => r.GetFieldValue<DateOnly>(i).ToDateTime(TimeOnly.MinValue), (n, v) => new PrimitiveDataFrameColumn<DateTime>(n, v)),
        _ when type == typeof(string) => new StringBuffer(name),
        _ => throw new NotSupportedException($"column '{name}' has DuckDB type {typeName}, which has no DataFrame column; cast it in the query"),
    };

    private abstract class ColumnBuffer
    {
        public abstract void Add(DbDataReader reader, int ordinal);

        public abstract DataFrameColumn Build();
    }

    private sealed class Buffer<T>(string name, Func<DbDataReader, int, T> get, Func<string, IEnumerable<T?>, DataFrameColumn> build)
        : ColumnBuffer where T : unmanaged
    {
        private readonly List<T?> _values = [];

        public override void Add(DbDataReader reader, int ordinal) =>
            _values.Add(reader.IsDBNull(ordinal) ? null : get(reader, ordinal));

        public override DataFrameColumn Build() => build(name, _values);
    }

    private sealed class StringBuffer(string name) : ColumnBuffer
    {
        private readonly List<string?> _values = [];

        public override void Add(DbDataReader reader, int ordinal) =>
            _values.Add(reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal));

        public override DataFrameColumn Build() => new StringDataFrameColumn(name, _values);
    }
}
