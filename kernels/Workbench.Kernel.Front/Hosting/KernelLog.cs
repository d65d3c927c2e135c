namespace Workbench.Kernel.Front.Hosting;

/// <summary>
/// The kernel's log: one line per event on the given writer (stderr, which Jupyter keeps with the kernel). Message
/// contents never appear in it, only types and reasons.
/// </summary>
internal sealed class KernelLog(TextWriter writer, TimeProvider time)
{
    private readonly Lock gate = new();

    public void Info(string message) => Write("info", message);

    public void Warn(string message) => Write("warn", message);

    public void Error(string message, Exception? exception = null) => Write("error", exception is null ? message : $"{message}: {exception}");

    private void Write(string level, string message)
    {
        lock (gate)
        {
            writer.WriteLine($"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} workbench-kernel {level}: {message}");
            writer.Flush();
        }
    }
}
