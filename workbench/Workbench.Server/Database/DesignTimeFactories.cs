using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Server.Database;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteWorkbenchDbContext</c> build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkbenchDbContext>
{
    public SqliteWorkbenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWorkbenchDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresWorkbenchDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkbenchDbContext>
{
    public PostgresWorkbenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkbenchDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
