using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;

namespace Workbench.Server.Database;

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="WorkbenchDbContext"/> on the provider that <c>Database:Provider</c> names.</summary>
    public static WebApplicationBuilder AddWorkbenchDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(DatabaseOptions.IsValid, "Database:ConnectionString is required when Database:Provider is Postgres")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
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

    /// <summary>Creates the data directory (for SQLite) and applies the provider's migrations.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(options.ResolvedDataDirectory);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        await db.Database.MigrateAsync();
    }
}
