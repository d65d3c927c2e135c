using Microsoft.Extensions.Options;

namespace Workbench.Server.Audit;

/// <summary>
/// Checkpoints on a timer: at start (entries a crash left uncovered), every <see cref="AuditOptions.CheckpointPeriod"/>,
/// and at shutdown, whenever entries were added since the newest checkpoint; each tick also appends to the journal the
/// committed checkpoints it lacks. So an entry stays without a signed checkpoint for at most one period, whatever the
/// traffic, and verification can call an older uncovered entry stale.
/// </summary>
public sealed partial class AuditCheckpointTimer(
    IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditCheckpointTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointPeriod, time);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await TickAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown time ran out (other services took it): the next start's first tick writes this checkpoint.
            ShutdownCheckpointSkipped(logger);
        }
    }

    /// <summary>One tick; failures are logged and retried at the next tick, never allowed to stop the server.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var written = await scope.ServiceProvider.GetRequiredService<AuditTrail>().CheckpointAsync(cancellationToken);
            if (written is { } checkpoint) Checkpointed(logger, checkpoint.TreeSize);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TickFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer checkpoint over {TreeSize} audit entries")]
    private static partial void Checkpointed(ILogger logger, long treeSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No audit checkpoint at shutdown (out of time); the next start writes it")]
    private static partial void ShutdownCheckpointSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit checkpoint tick failed; retrying at the next period")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
