using Npgsql;
using Workbench.Audit;

namespace Workbench.Server.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test: a new SQLite file in a temporary directory, or a new PostgreSQL database on the
/// server that <c>WORKBENCH_TEST_POSTGRES</c> names. When that variable is set the server must answer: a missing
/// server fails the test rather than skipping it.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "WORKBENCH_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string directory, string connectionString, string? postgresName)
    {
        (Provider, Directory, ConnectionString, _postgresName) = (provider, directory, connectionString, postgresName);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The data directory for this test (SQLite file, data-protection keys).</summary>
    public string Directory { get; }

    public string ConnectionString { get; }

    /// <summary>SQLite always; PostgreSQL too when the environment names a server.</summary>
    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var providers = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                providers.Add(DatabaseProvider.Postgres);
            }
            return providers;
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, directory, $"Data Source={Path.Combine(directory, "workbench.db")};Pooling=False", null);
        }
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var name = "wbtest_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, directory, builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        // The server seals its checkpoint journal append-only (as root); such a file cannot be deleted until unsealed.
        Workbench.Audit.AppendOnlyFile.Unseal(Path.Combine(Directory, Workbench.Server.Audit.AuditOptions.DefaultJournalName));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temporary directory is cleaned by the OS.
        }
    }
}
