using DuckDB.NET.Data;
using nietras.SeparatedValues;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;

namespace Workbench.Microdata.Ingest;

/// <summary>
/// Reads one delivery file, converts each record by the schema and appends the accepted ones to a fresh table, in one
/// transaction with its <c>_ingest_log</c> row, so the store only ever shows the old table or the complete new one.
/// </summary>
internal sealed class DatasetIngest(
    DatasetDefinition dataset, DuckDBConnection connection, Pseudonymiser pseudonymiser, ReferenceData references,
    IngestOptions options, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
{
    private enum StoreType { Long, Short, Month, Bool, Text }

    public (long Read, long Accepted, QuarantineWriter Quarantine) Run(string path, string quarantineDirectory, IngestLogEntry logEntry)
    {
        using var reader = Sep.New(';').Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = true }).FromFile(path);
        CheckHeader(reader, path);
        var converter = new RecordConverter(dataset, pseudonymiser, references);
        var quarantine = new QuarantineWriter(quarantineDirectory, dataset.Name);
        var types = dataset.StoredColumns.Select(c => TypeOf(c.Rule)).ToArray();
        var values = new StoredValue[converter.StoredCount];
        long read = 0, accepted = 0;
        using var transaction = connection.BeginTransaction();
        try
        {
            connection.Execute($"DROP TABLE IF EXISTS {StoreConnection.Quote(dataset.Name)}");
            connection.Execute(CreateTableSql());
            using (var appender = connection.CreateAppender(dataset.Name))
            {
                foreach (var row in reader)
                {
                    read++;
                    if (converter.Convert(row, values) is { } rejection)
                    {
                        quarantine.Write(row.LineNumberFrom, rejection, row.Span);
                    }
                    else
                    {
                        Append(appender, types, values);
                        accepted++;
                    }
                    if (read % options.ProgressInterval == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Report(new IngestProgress(dataset.Name, read, accepted, quarantine.Count, false));
                    }
                }
            }
            IngestLog.Replace(connection, logEntry with { RowsRead = read, RowsAccepted = accepted, RowsQuarantined = quarantine.Count });
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }
        catch
        {
            quarantine.Dispose();
            transaction.Rollback();
            throw;
        }
        quarantine.Dispose();
        if (converter.DefinedKeys is { } keys) references.Register(dataset.Name, keys);
        if (converter.DefinedAreas is { } areas) references.RegisterAreas(areas);
        progress?.Report(new IngestProgress(dataset.Name, read, accepted, quarantine.Count, true));
        return (read, accepted, quarantine);
    }

    private void CheckHeader(SepReader reader, string path)
    {
        var expected = dataset.Columns.Select(c => c.Name).ToList();
        var found = reader.Header.ColNames.ToList();
        if (found.SequenceEqual(expected, StringComparer.Ordinal)) return;
        var at = Enumerable.Range(0, Math.Max(expected.Count, found.Count))
            .First(i => i >= expected.Count || i >= found.Count || expected[i] != found[i]);
        var difference = at >= found.Count ? $"column {at + 1} '{expected[at]}' is missing"
            : at >= expected.Count ? $"unexpected extra column {at + 1} '{found[at]}'"
            : $"column {at + 1} is '{found[at]}', expected '{expected[at]}'";
        throw new DeliveryException(DeliveryProblem.HeaderMismatch, dataset.Name, path,
            $"header does not match dataset '{dataset.Name}': {difference} (expected {string.Join(';', expected)})");
    }

    private string CreateTableSql()
    {
        var columns = dataset.StoredColumns.Select(c =>
            $"{StoreConnection.Quote(c.StoredAs!)} {StoreTypes.Of(c.Rule)}{(c.Optional ? "" : " NOT NULL")}");
        return $"CREATE TABLE {StoreConnection.Quote(dataset.Name)} ({string.Join(", ", columns)})";
    }

    private static StoreType TypeOf(ColumnRule rule) => StoreTypes.Of(rule) switch
    {
        "BIGINT" => StoreType.Long,
        "SMALLINT" => StoreType.Short,
        "DATE" => StoreType.Month,
        "BOOLEAN" => StoreType.Bool,
        _ => StoreType.Text,
    };

    private static void Append(DuckDBAppender appender, StoreType[] types, StoredValue[] values)
    {
        var row = appender.CreateRow();
        for (var i = 0; i < types.Length; i++)
        {
            ref var value = ref values[i];
            if (value.IsNull)
            {
                row.AppendNullValue();
                continue;
            }
            switch (types[i])
            {
                case StoreType.Long: row.AppendValue((long?)value.Number); break;
                case StoreType.Short: row.AppendValue((short?)value.Number); break;
                case StoreType.Month: row.AppendValue((DateOnly?)new DateOnly((int)(value.Number / 100), (int)(value.Number % 100), 1)); break;
                case StoreType.Bool: row.AppendValue((bool?)(value.Number != 0)); break;
                default: row.AppendValue(value.Text); break;
            }
        }
        row.EndRow();
    }
}
