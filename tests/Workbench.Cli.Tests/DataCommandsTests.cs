using System.Text.Json;
using DuckDB.NET.Data;

namespace Workbench.Cli.Tests;

/// <summary>The data commands as a data steward uses them: generate, keygen, ingest, catalog, view.</summary>
public sealed class DataCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Generate_TooFewPersons_ExitsTwoNamingTheOption()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "data", "generate", "--persons", "5", "--out", _dir["raw"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ersons", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir["raw/manifest.json"]));
    }

    [Fact]
    public async Task Ingest_WithoutAnyKey_IsRefusedAndCreatesNoStore()
    {
        await CliRunner.RunAsync(_dir.Path, "data", "generate", "--persons", "2000", "--out", _dir["raw"]);

        var result = await CliRunner.RunAsync(_dir.Path, "data", "ingest", _dir["raw"], "--store", _dir["store.duckdb"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("key", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(_dir["store.duckdb"]));
    }

    [Fact]
    public async Task Ingest_KeyFileReadableByOthers_IsRefused()
    {
        await CliRunner.RunAsync(_dir.Path, "data", "keygen", "--out", _dir["key"]);
        File.SetUnixFileMode(_dir["key"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var result = await CliRunner.RunAsync(_dir.Path, "data", "ingest", _dir["raw"], "--key-file", _dir["key"], "--store", _dir["store.duckdb"]);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(_dir["store.duckdb"]));
    }

    [Fact]
    public async Task Keygen_ExistingKey_IsNeverOverwritten()
    {
        var first = await CliRunner.RunAsync(_dir.Path, "data", "keygen", "--out", _dir["key"]);
        var before = await File.ReadAllTextAsync(_dir["key"]);

        var second = await CliRunner.RunAsync(_dir.Path, "data", "keygen", "--out", _dir["key"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir["key"]));
        Assert.Equal(2, second.ExitCode);
        Assert.Equal(before, await File.ReadAllTextAsync(_dir["key"]));
    }

    [Fact]
    public async Task GenerateIngestCatalogView_EndToEnd_GivesProjectsUnlinkablePseudonyms()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_dir.Path, "data", "generate", "--persons", "3000", "--seed", "11", "--out", _dir["raw"])).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(_dir.Path, "data", "keygen", "--out", _dir["key"])).ExitCode);
        string[] common = ["--key-file", _dir["key"], "--store", _dir["store.duckdb"]];

        var ingest = await CliRunner.RunAsync(_dir.Path, ["data", "ingest", _dir["raw"], .. common]);
        var again = await CliRunner.RunAsync(_dir.Path, ["data", "ingest", _dir["raw"], .. common]);
        var catalog = await CliRunner.RunAsync(_dir.Path, "data", "catalog", "--store", _dir["store.duckdb"], "--json");
        var viewA = await CliRunner.RunAsync(_dir.Path, ["data", "view", .. common, "--project", "P-A", "--allow", "persons:person_id,birth_year", "--allow", "suspects", "--out", _dir["a.duckdb"]]);
        var viewB = await CliRunner.RunAsync(_dir.Path, ["data", "view", .. common, "--project", "P-B", "--allow", "persons:person_id", "--out", _dir["b.duckdb"]]);

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unchanged", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, catalog.ExitCode);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(_dir["raw/manifest.json"])).RootElement.GetProperty("deliveries")
            .EnumerateArray().ToDictionary(d => d.GetProperty("dataset").GetString()!, d => d.GetProperty("rows").GetInt64());
        var listed = JsonDocument.Parse(catalog.Stdout).RootElement.EnumerateArray()
            .ToDictionary(d => d.GetProperty("dataset").GetString()!, d => d.GetProperty("rows").GetInt64());
        Assert.Equal(manifest, listed); // clean synthetic deliveries: nothing quarantined, every row stored
        Assert.Equal(0, viewA.ExitCode);
        Assert.Equal(0, viewB.ExitCode);

        var personsA = Column(_dir["a.duckdb"], "SELECT person_id FROM persons");
        var suspectsA = Column(_dir["a.duckdb"], "SELECT person_id FROM suspects");
        var personsB = Column(_dir["b.duckdb"], "SELECT person_id FROM persons");
        Assert.Equal(personsA.Count, personsB.Count);
        Assert.Empty(personsA.Intersect(personsB));      // unlinkable across projects
        Assert.NotEmpty(suspectsA);
        Assert.Subset(personsA, suspectsA);              // linkable inside a project
        Assert.Empty(Column(_dir["a.duckdb"], "SELECT table_name FROM information_schema.tables WHERE table_name NOT IN ('persons', 'suspects', '_view_info')"));
    }

    [Fact]
    public async Task View_UnknownColumn_ExitsTwoNamingIt()
    {
        await CliRunner.RunAsync(_dir.Path, "data", "generate", "--persons", "2000", "--out", _dir["raw"]);
        await CliRunner.RunAsync(_dir.Path, "data", "keygen", "--out", _dir["key"]);
        await CliRunner.RunAsync(_dir.Path, "data", "ingest", _dir["raw"], "--key-file", _dir["key"], "--store", _dir["store.duckdb"]);

        var result = await CliRunner.RunAsync(_dir.Path, "data", "view", "--key-file", _dir["key"], "--store", _dir["store.duckdb"],
            "--project", "P-A", "--allow", "persons:person_id,bsn", "--out", _dir["a.duckdb"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bsn", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir["a.duckdb"]));
    }

    private static HashSet<object> Column(string database, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new HashSet<object>();
        while (reader.Read()) values.Add(reader.GetValue(0));
        return values;
    }
}
