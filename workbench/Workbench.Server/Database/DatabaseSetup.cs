using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;

namespace Workbench.Server.Database;

public static partial class DatabaseSetup
{
    /// <summary>Registers <see cref="WorkbenchDbContext"/> on the provider that <c>Database:Provider</c> names.</summary>
    public static WebApplicationBuilder AddWorkbenchDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(DatabaseOptions.IsValid, "Database:ConnectionString is required when Database:Provider is Postgres")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Before anything else (OpenID keys, data-protection keys) creates it with the default mode.
        if (!Directory.Exists(options.ResolvedDataDirectory)) OwnerOnlyDataDirectory.EnsureDirectory(options.ResolvedDataDirectory);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddDbContext<WorkbenchDbContext, SqliteWorkbenchDbContext>(o =>
                    o.UseSqlite(options.ResolvedConnectionString));
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContext<WorkbenchDbContext, PostgresWorkbenchDbContext>(o =>
                    o.UseNpgsql(options.ResolvedConnectionString));
                break;
            default:
                throw new InvalidOperationException($"unknown Database:Provider '{options.Provider}'");
        }
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Creates the data directory owner-only (0700) and, for SQLite, the database file owner-only (0600) before SQLite
    /// opens it; then applies the provider's migrations.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        if (OwnerOnlyDataDirectory.EnsureDirectory(options.ResolvedDataDirectory))
        {
            TightenedDataDirectory(logger, options.ResolvedDataDirectory);
        }
        if (options.Provider == DatabaseProvider.Sqlite && OwnerOnlyDataDirectory.EnsureSqliteFile(options.ResolvedConnectionString))
        {
            TightenedDataDirectory(logger, "the SQLite database file");
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        await db.Database.MigrateAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} could be read by other accounts; it is owner-only now")]
    private static partial void TightenedDataDirectory(ILogger logger, string path);
}
