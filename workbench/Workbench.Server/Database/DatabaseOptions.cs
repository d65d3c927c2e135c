using System.ComponentModel.DataAnnotations;
using Workbench.Audit;

namespace Workbench.Server.Database;

/// <summary>Which database the server uses. <c>Database:Provider</c> is <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres; for Sqlite, empty means <c>workbench.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where local state lives; defaults to <c>WORKBENCH_HOME</c> or <c>.workbench</c> in the working directory.</summary>
    public string? DataDirectory { get; set; }

    public string ResolvedDataDirectory => Path.GetFullPath(
        DataDirectory is { Length: > 0 } directory ? directory
        : Environment.GetEnvironmentVariable("WORKBENCH_HOME") is { Length: > 0 } home ? home
        : ".workbench");

    public string ResolvedConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) =>
            $"Data Source={Path.Combine(ResolvedDataDirectory, "workbench.db")}",
        _ => ConnectionString ?? throw new ValidationException("Database:ConnectionString is required for Postgres"),
    };

    internal static bool IsValid(DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(options.ConnectionString);
}
