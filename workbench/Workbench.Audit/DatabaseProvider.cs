namespace Workbench.Audit;

/// <summary>The databases Workbench runs on. Stored in configuration as <c>Sqlite</c> or <c>Postgres</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a file under the data directory.</summary>
    Sqlite,

    /// <summary>PostgreSQL, for production.</summary>
    Postgres,
}
