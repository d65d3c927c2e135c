using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Workbench.Testing;

namespace Workbench.Kernel.Front.Tests.Infrastructure;

/// <summary>
/// The real front process on a fresh connection file (loopback ports, a random key), as Jupyter starts it; its
/// stderr log is kept for assertions.
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();
    private readonly string directory = Directory.CreateTempSubdirectory("workbench-kernel-").FullName;

    /// <param name="sandboxed">false runs the development mode (<c>--unsandboxed-development</c>).</param>
    /// <param name="extra">More arguments for the front (limits).</param>
    public KernelProcess(bool sandboxed = false, params string[] extra)
        : this(null, sandboxed, extra)
    {
    }

    /// <param name="wrap">
    /// Runs the front inside another sandbox: given the kernel's directory, returns the command line the front's own
    /// command line is appended to (and may prepare that directory for it).
    /// </param>
    /// <param name="sandboxed">false runs the development mode (<c>--unsandboxed-development</c>).</param>
    /// <param name="extra">More arguments for the front (limits).</param>
    public KernelProcess(Func<string, string[]>? wrap, bool sandboxed, params string[] extra)
    {
        WorkDirectory = Path.Combine(directory, "work");
        // The sandbox's uid must be able to pass through to the work directory it mounts.
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        var ports = Enumerable.Range(0, 5).Select(_ => LoopbackPorts.Free()).ToArray();
        Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        (ShellPort, IoPubPort, StdinPort, ControlPort, HeartbeatPort) = (ports[0], ports[1], ports[2], ports[3], ports[4]);
        var file = Path.Combine(directory, "kernel.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["shell_port"] = ShellPort, ["iopub_port"] = IoPubPort,
            ["stdin_port"] = StdinPort, ["control_port"] = ControlPort, ["hb_port"] = HeartbeatPort,
            ["key"] = Key, ["signature_scheme"] = "hmac-sha256", ["kernel_name"] = "workbench-csharp",
        }));
        var prefix = wrap?.Invoke(directory) ?? [];
        var start = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : KernelFront.DotnetHost) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        ConnectionFile = file;
        foreach (var arg in prefix.Skip(1).Concat(prefix.Length > 0 ? [KernelFront.DotnetHost] : [])) start.ArgumentList.Add(arg);
        foreach (var arg in new[] { KernelFront.Dll, "--connection-file", file, "--work-dir", WorkDirectory }) start.ArgumentList.Add(arg);
        if (!sandboxed) start.ArgumentList.Add("--unsandboxed-development");
        foreach (var arg in extra) start.ArgumentList.Add(arg);
        process = Process.Start(start) ?? throw new InvalidOperationException("the kernel did not start");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public string Key { get; }

    /// <summary>The directory of the connection file and the work directory.</summary>
    public string KernelDirectory => directory;

    /// <summary>The connection file with the key: outside the sandbox, never readable from a cell.</summary>
    public string ConnectionFile { get; }

    /// <summary>The one directory a sandboxed cell may write.</summary>
    public string WorkDirectory { get; }

    public int ShellPort { get; }

    public int IoPubPort { get; }

    public int StdinPort { get; }

    public int ControlPort { get; }

    public int HeartbeatPort { get; }

    public string Log => string.Join('\n', log);

    public bool HasExited => process.HasExited;

    /// <summary>The front's pid (its worker is a descendant).</summary>
    public int Pid => process.Id;

    public int ExitCode => process.ExitCode;

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>Waits until the log has a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!log.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited) throw new InvalidOperationException($"the kernel exited ({process.ExitCode}): {Log}");
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>A connection file with free loopback ports and a random key, for a front started some other way.</summary>
    public static string WriteConnectionFile(string directory)
    {
        var file = Path.Combine(directory, "kernel.json");
        var ports = Enumerable.Range(0, 5).Select(_ => LoopbackPorts.Free()).ToArray();
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["shell_port"] = ports[0], ["iopub_port"] = ports[1],
            ["stdin_port"] = ports[2], ["control_port"] = ports[3], ["hb_port"] = ports[4],
            ["key"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), ["signature_scheme"] = "hmac-sha256",
        }));
        return file;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
