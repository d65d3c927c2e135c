using System.Diagnostics;

namespace Workbench.Cli.Tests;

/// <summary>Runs the real <c>workbench</c> program in a child process, as a user would.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "workbench.dll");

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);

    /// <summary>Starts the program and leaves it running; the caller reads its output and ends it.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("WORKBENCH_PSEUDONYM_KEY");
        start.Environment.Remove("Audit__CheckpointKey");
        start.Environment.Remove("Database__Provider");
        start.Environment.Remove("Database__ConnectionString");
        start.Environment["WORKBENCH_HOME"] = Path.Combine(workingDirectory, ".workbench");
        start.Environment["NO_COLOR"] = "1";
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(workingDirectory, "jupyter"); // never the real user's kernels
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start workbench");
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public static void Interrupt(Process process)
    {
        using var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
