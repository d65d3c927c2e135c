namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// Where a running cell sends what it produces, as it produces it: the front turns these into iopub messages, and asks
/// the client for a line of input on stdin.
/// </summary>
public interface IExecutionSink
{
    void Stream(StreamName name, string text);

    /// <summary>A display_data (or, with <paramref name="update"/>, update_display_data) bundle.</summary>
    void Display(MimeBundle bundle, bool update);

    /// <summary>Asks the user for one line; throws <see cref="InvalidOperationException"/> when the client allows no input.</summary>
    Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken);
}

public enum StreamName
{
    Stdout,
    Stderr,
}
