namespace Workbench.Cli.Infrastructure;

/// <summary>Adapts a library's progress type to the progress bar's, synchronously.</summary>
internal sealed class Relay<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
