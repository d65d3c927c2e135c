using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Server.Database;

namespace Workbench.Server.Data;

/// <summary>
/// Healthy when the analytical store and a pseudonymisation key are in place; degraded (the server still works, but
/// has no data to serve) when either is missing. Says which, without reading the key.
/// </summary>
internal sealed class AnalyticalStoreHealthCheck(IOptions<AnalyticalDataOptions> options, IOptions<DatabaseOptions> database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = options.Value.ResolvedStore(database.Value);
        var keyFile = options.Value.ResolvedPseudonymKeyFile(database.Value);
        var hasKey = File.Exists(keyFile) || Environment.GetEnvironmentVariable(PseudonymKey.EnvironmentVariable) is { Length: > 0 };
        var result = (File.Exists(store), hasKey) switch
        {
            (true, true) => HealthCheckResult.Healthy("the analytical store and its key are in place"),
            (false, _) => HealthCheckResult.Degraded("there is no analytical store yet: run 'workbench up' or 'workbench data ingest'"),
            (true, false) => HealthCheckResult.Degraded("the analytical store has no pseudonymisation key beside it"),
        };
        return Task.FromResult(result);
    }
}
