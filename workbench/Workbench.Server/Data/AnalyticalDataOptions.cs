using Workbench.Server.Database;

namespace Workbench.Server.Data;

/// <summary>
/// Where the pseudonymised analytical store and its pseudonymisation key live, for serving project data.
/// Both default to the files <c>workbench up</c> writes under the data directory (<c>WORKBENCH_HOME</c>):
/// <c>store.duckdb</c> and <c>pseudonym.key</c>. The key itself is read only when data is served, never at start-up,
/// and only from an owner-only file or <c>WORKBENCH_PSEUDONYM_KEY</c>.
/// </summary>
public sealed class AnalyticalDataOptions
{
    public const string Section = "AnalyticalData";

    public string? Store { get; set; }

    public string? PseudonymKeyFile { get; set; }

    /// <summary>How often projects past their retention end have their work area deleted.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    public string ResolvedStore(DatabaseOptions database) =>
        Path.GetFullPath(Store is { Length: > 0 } store ? store : Path.Combine(Directory(database), "store.duckdb"));

    public string ResolvedPseudonymKeyFile(DatabaseOptions database) =>
        Path.GetFullPath(PseudonymKeyFile is { Length: > 0 } key ? key : Path.Combine(Directory(database), "pseudonym.key"));

    private static string Directory(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ResolvedDataDirectory;
    }
}
