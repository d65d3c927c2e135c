using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Workbench.Microdata.Schema;

// Peers for tests/benchmarks/data-pipeline.sh, each printing "<seconds> <rows>":
//   peer-load DELIVERY_DIR STORE   DuckDB's own parallel CSV reader loads every delivery file as text, without
//                                  validation or pseudonymisation: the lower bound for ingest.
//   peer-write DELIVERY_DIR OUT    DuckDB writes, for every delivery file, a CSV with the same rows and columns of
//                                  random numbers: the lower bound for writing the generator's volume of rows.
return args switch
{
    ["peer-load", var deliveries, var store] => Run(store, (connection, dataset, file) =>
        $"CREATE OR REPLACE TABLE {dataset.Name} AS SELECT * FROM read_csv('{Quote(Path.Combine(deliveries, file.File))}', delim=';', header=true, all_varchar=true)"),
    ["peer-write", var deliveries, var output] => Run(":memory:", (connection, dataset, file) =>
    {
        var path = Path.Combine(output, file.File);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var columns = string.Join(", ", dataset.Columns.Select((c, i) => $"(random() * 1e9)::BIGINT AS c{i}"));
        return $"COPY (SELECT {columns} FROM range({file.Rows})) TO '{Quote(path)}' (HEADER, DELIMITER ';')";
    }, DeliveryManifest.TryRead(deliveries)),
    _ => Usage(),
};

static int Run(string database, Func<DuckDBConnection, DatasetDefinition, DeliveryFile, string> sql, DeliveryManifest? manifest = null)
{
    var watch = Stopwatch.StartNew();
    long rows = 0;
    using var connection = new DuckDBConnection($"Data Source={database}");
    connection.Open();
    foreach (var dataset in Datasets.All)
    {
        var file = manifest?.Deliveries.Single(d => d.Dataset == dataset.Name) ?? new DeliveryFile(dataset.Name, dataset.RawFile, "", 0, "");
        using var command = connection.CreateCommand();
        command.CommandText = sql(connection, dataset, file);
        rows += command.ExecuteNonQuery();
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:F2} {rows}"));
    return 0;
}

static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);

static int Usage()
{
    Console.Error.WriteLine("usage: Workbench.Benchmarks peer-load DELIVERY_DIR STORE | peer-write DELIVERY_DIR OUT_DIR");
    return 2;
}
