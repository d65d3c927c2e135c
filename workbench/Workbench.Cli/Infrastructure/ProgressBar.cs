using Spectre.Console;

namespace Workbench.Cli.Infrastructure;

/// <summary>Shows long work as a progress bar on an interactive terminal, and as plain stage lines otherwise.</summary>
internal static class ProgressBar
{
    /// <summary>Runs <paramref name="work"/> with an <see cref="IProgress{T}"/> that moves a bar of stage and fraction.</summary>
    public static T Run<T>(string title, Func<IProgress<(string Stage, double Fraction)>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            string? last = null;
            return work(new SyncProgress(p =>
            {
                if (p.Stage == last) return;
                last = p.Stage;
                AnsiConsole.WriteLine($"{title}: {p.Stage}");
            }));
        }

        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1.0);
                var result = work(new SyncProgress(p =>
                {
                    task.Description = $"{title}: {p.Stage}";
                    task.Value = Math.Clamp(p.Fraction, 0, 1);
                }));
                task.Value = 1.0;
                return result;
            });
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class SyncProgress(Action<(string Stage, double Fraction)> report) : IProgress<(string Stage, double Fraction)>
    {
        private readonly Lock _gate = new();

        public void Report((string Stage, double Fraction) value)
        {
            lock (_gate) report(value);
        }
    }
}
