using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workbench.Server.Database;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(WorkbenchDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the database does not answer");
}
