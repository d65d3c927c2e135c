namespace Workbench.Kernel.Worker;

/// <summary>
/// The worker's own log: its standard error as the process got it (the front writes it to the kernel's log). User code
/// writing to <c>Console.Error</c> goes to its cell instead, never here.
/// </summary>
internal static class WorkerLog
{
    private static readonly TextWriter Writer = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

    public static void Write(string line) => Writer.WriteLine(line);
}
