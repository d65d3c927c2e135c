namespace Workbench.Server.Data;

/// <summary>Runs <see cref="WorkAreaRetention.SweepAsync"/> at start and then every <see cref="AnalyticalDataOptions.RetentionSweepInterval"/>.</summary>
public sealed partial class RetentionSweeper(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<AnalyticalDataOptions> options, TimeProvider time, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var swept = await scope.ServiceProvider.GetRequiredService<WorkAreaRetention>().SweepAsync(stoppingToken);
                if (swept.Count > 0) Swept(logger, swept.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the work areas of {Count} projects after their retention end")]
    private static partial void Swept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; retrying at the next interval")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
