using DuckDB.NET.Data;
using Workbench.Microdata.ProjectViews;
using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.EndToEnd;

/// <summary>
/// Generator → ingest → store → project view on a realistic delivery: what the data protection officer and the
/// analysts rely on.
/// </summary>
public sealed class GeneratedStoreTests(GeneratedStoreFixture fixture) : IClassFixture<GeneratedStoreFixture>
{
    [Fact]
    public void Ingest_CleanSyntheticDelivery_StoresEveryRowAndQuarantinesNothing()
    {
        var manifest = DeliveryManifest.TryRead(fixture.Deliveries)!;

        foreach (var delivery in manifest.Deliveries)
        {
            var result = fixture.Report[delivery.Dataset];
            Assert.Equal(delivery.Rows, result.RowsRead);
            Assert.True(result.RowsQuarantined == 0, $"{delivery.Dataset}: {string.Join("; ", result.QuarantineReasons.Keys)}");
        }
    }

    [Fact]
    public void Store_EveryColumnOfEveryTable_HoldsNoDirectIdentifier()
    {
        using var connection = OpenStoreInMemory();
        // Every value of every raw column that identifies someone directly, named here independently of the schema's
        // rules (so a rule that wrongly stores one is caught): BSNs, names, streets, postcodes, KvK numbers, trade
        // names, BAG ids, household numbers, case and report numbers, exact birth dates. House numbers alone identify
        // nobody and look like any small count.
        string[] directIdentifiers =
        [
            "bsn", "bsn_1", "bsn_2", "eigenaar_bsn", "voornamen", "geslachtsnaam", "geboortedatum", "straat", "postcode",
            "kvknummer", "eigenaar_kvk", "handelsnaam", "verblijfsobjectid", "huishoudnummer", "registratienummer",
            "parketnummer", "zaaknummer", "meldingnummer",
        ];
        Execute(connection, "CREATE TABLE identifiers (value VARCHAR, source VARCHAR)");
        foreach (var dataset in Datasets.All)
        {
            var path = Path.Combine(fixture.Deliveries, dataset.RawFile).Replace("'", "''", StringComparison.Ordinal);
            foreach (var column in dataset.Columns.Where(c => directIdentifiers.Contains(c.Name)))
            {
                Execute(connection, $"INSERT INTO identifiers SELECT DISTINCT \"{column.Name}\", '{dataset.Name}.{column.Name}' FROM read_csv('{path}', delim=';', header=true, all_varchar=true) WHERE length(\"{column.Name}\") >= 4");
            }
        }
        Assert.True(Scalar(connection, "SELECT count(*) FROM identifiers") > 20_000);

        // Text columns must hold none of them; number columns none of the long numeric identifiers (BSN, KvK, BAG id),
        // which a pseudonym, amount or year would only match by a coincidence far below one in a million.
        var leaks = new List<string>();
        foreach (var (table, column, type) in StoreColumnsWithType(connection))
        {
            // Public area names are often street names (as real buurten are); a street name alone identifies nobody.
            var filter = type != "VARCHAR" ? "WHERE length(i.value) >= 8 AND regexp_full_match(i.value, '[0-9]+')"
                : table == Datasets.Areas ? "WHERE i.source NOT LIKE '%.straat'" : "";
            var hits = Scalar(connection, $"SELECT count(*) FROM store.\"{table}\" t JOIN (SELECT value FROM identifiers i {filter}) i ON CAST(t.\"{column}\" AS VARCHAR) = i.value");
            if (hits > 0) leaks.Add($"{table}.{column}: {hits}");
        }
        Assert.Empty(leaks);
    }

    [Fact]
    public void Store_EveryDate_IsCoarsenedToTheFirstOfAMonth()
    {
        using var connection = OpenStoreInMemory();
        var dateColumns = StoreColumns(connection, "DATE").ToList();
        Assert.NotEmpty(dateColumns);

        foreach (var (table, column) in dateColumns)
        {
            Assert.Equal(0, Scalar(connection, $"SELECT count(*) FROM store.\"{table}\" WHERE day(\"{column}\") <> 1"));
        }
    }

    [Fact]
    public void Store_PlantedSignal_YoungDrugSuspectsHaveMoreConvictedNetworkMembersThanMatchedYouths()
    {
        using var connection = OpenStoreInMemory();
        // The analysts' question on the pseudonymised store: share of convicted 1-hop network members, young drug
        // suspects (10-26) against youths of the same birth year, sex and municipality who are not suspects.
        var ratio = ScalarDouble(connection, $"""
            WITH youth AS (
                SELECT person_id, birth_year, sex, substr(buurt_code, 3, 4) AS gemeente FROM store.persons
                WHERE {GeneratedStoreFixture.ReferenceYear} - birth_year BETWEEN 10 AND 26),
            drug AS (SELECT DISTINCT person_id FROM store.suspects WHERE offence IN ('drugs_hard', 'drugs_soft')),
            convicted AS (SELECT DISTINCT person_id FROM store.person_convictions),
            links AS (SELECT person_a AS ego, person_b AS alter FROM store.network_links
                      UNION SELECT person_b, person_a FROM store.network_links),
            share AS (
                SELECT l.ego, avg(CASE WHEN c.person_id IS NULL THEN 0.0 ELSE 1.0 END) AS convicted_share
                FROM links l LEFT JOIN convicted c ON c.person_id = l.alter GROUP BY l.ego),
            cases AS (SELECT y.* FROM youth y JOIN drug d USING (person_id)),
            strata AS (SELECT DISTINCT birth_year, sex, gemeente FROM cases),
            controls AS (
                SELECT y.* FROM youth y JOIN strata USING (birth_year, sex, gemeente)
                WHERE y.person_id NOT IN (SELECT person_id FROM store.suspects))
            SELECT (SELECT avg(coalesce(convicted_share, 0)) FROM cases LEFT JOIN share ON ego = person_id)
                 / (SELECT avg(coalesce(convicted_share, 0)) FROM controls LEFT JOIN share ON ego = person_id)
            """);

        Assert.True(ratio >= 1.5, $"risk ratio of convicted network share was {ratio:F2}");
    }

    [Fact]
    public void ProjectView_SamePersonInTwoDatasets_LinksInsideAProjectButNotAcrossProjects()
    {
        using var key = fixture.LoadKey();
        var builder = new ProjectViewBuilder(TimeProvider.System);
        var allow = new Dictionary<string, IReadOnlyList<string>>
        {
            [Datasets.Persons] = ["person_id", "birth_year"],
            [Datasets.PersonConvictions] = ["person_id", "offence"],
        };
        var viewA = Path.Combine(fixture.Root, "view-a.duckdb");
        var viewB = Path.Combine(fixture.Root, "view-b.duckdb");
        builder.Build(fixture.StorePath, viewA, "P-2026-A", allow, key);
        builder.Build(fixture.StorePath, viewB, "P-2026-B", allow, key);

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"ATTACH '{viewA}' AS a (READ_ONLY); ATTACH '{viewB}' AS b (READ_ONLY); ATTACH '{fixture.StorePath}' AS store (READ_ONLY)");
        Assert.True(Scalar(connection, "SELECT count(*) FROM a.person_convictions") > 0);
        // every convicted person of a project's view is a person of that same view (same pseudonym in both datasets)
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM a.person_convictions WHERE person_id NOT IN (SELECT person_id FROM a.persons)"));
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM b.person_convictions WHERE person_id NOT IN (SELECT person_id FROM b.persons)"));
        // nothing links across projects, nor back to the master pseudonyms of the store
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM a.persons JOIN b.persons USING (person_id)"));
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM a.persons JOIN store.persons USING (person_id)"));
        // the join structure is kept: the same number of distinct convicted persons in both views and the store
        var distinct = Scalar(connection, "SELECT count(DISTINCT person_id) FROM store.person_convictions");
        Assert.Equal(distinct, Scalar(connection, "SELECT count(DISTINCT person_id) FROM a.person_convictions"));
        Assert.Equal(distinct, Scalar(connection, "SELECT count(DISTINCT person_id) FROM b.person_convictions"));
    }

    private DuckDBConnection OpenStoreInMemory()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"ATTACH '{fixture.StorePath.Replace("'", "''", StringComparison.Ordinal)}' AS store (READ_ONLY)");
        return connection;
    }

    private static List<(string Table, string Column)> StoreColumns(DuckDBConnection connection, string? type = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = 'store'"
            + (type is null ? "" : $" AND data_type = '{type}'");
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static List<(string Table, string Column, string Type)> StoreColumnsWithType(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_catalog = 'store' AND data_type <> 'DATE' AND data_type <> 'BOOLEAN'";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return columns;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection connection, string sql) => Convert.ToInt64(ScalarObject(connection, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static double ScalarDouble(DuckDBConnection connection, string sql) => Convert.ToDouble(ScalarObject(connection, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static object? ScalarObject(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
