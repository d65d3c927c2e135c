using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Workbench.Microdata.Schema;

// peer-load DELIVERY_DIR STORE: DuckDB's own parallel CSV reader loads every delivery file as it is, without
// validation or pseudonymisation. It is the lower bound the ingest benchmark compares against.
if (args is not ["peer-load", var deliveries, var store])
{
    Console.Error.WriteLine("usage: Workbench.Benchmarks peer-load DELIVERY_DIR STORE");
    return 2;
}

var watch = Stopwatch.StartNew();
long rows = 0;
using (var connection = new DuckDBConnection($"Data Source={store}"))
{
    connection.Open();
    foreach (var dataset in Datasets.All)
    {
        var path = Path.Combine(deliveries, dataset.RawFile).Replace("'", "''", StringComparison.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText =
            $"CREATE OR REPLACE TABLE {dataset.Name} AS SELECT * FROM read_csv('{path}', delim=';', header=true, all_varchar=true)";
        command.ExecuteNonQuery();
        command.CommandText = $"SELECT count(*) FROM {dataset.Name}";
        rows += Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:F2} {rows}"));
return 0;
