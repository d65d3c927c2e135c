using Microsoft.Extensions.Options;

namespace Workbench.Server.Notebooks;

/// <summary>Runs <see cref="NotebookServers.SweepAsync"/> every <see cref="NotebookOptions.SweepInterval"/>.</summary>
internal sealed partial class NotebookSweeper(NotebookServers servers, IOptions<NotebookOptions> options, TimeProvider time, ILogger<NotebookSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await servers.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notebook sweep failed; retrying at the next interval")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
