using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Workbench.Server.Notebooks;

/// <summary>
/// One running Jupyter Notebook server: on a free loopback port, with a random token (the proxy adds it; the browser
/// never sees it), under its own base URL, offering only the workbench kernel, without terminals.
/// </summary>
public sealed class NotebookServer : IDisposable
{
    private readonly Process process;
    private long lastActivityTicks;

    private NotebookServer(string userId, string projectId, int port, string token, string kernelSecret, Process process, DateTimeOffset now)
    {
        UserId = userId;
        ProjectId = projectId;
        Port = port;
        Token = token;
        KernelSecret = kernelSecret;
        this.process = process;
        StartedAt = now;
        Touch(now);
    }

    public string UserId { get; }

    public string ProjectId { get; }

    public int Port { get; }

    internal string Token { get; }

    internal string KernelSecret { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref lastActivityTicks), TimeSpan.Zero);

    public bool HasExited => process.HasExited;

    public Uri Origin => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public static string BasePath(string projectId) => $"/notebooks/{projectId}/";

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastActivityTicks, now.UtcTicks);

    internal static async Task<NotebookServer> StartAsync(
        NotebookOptions options, NotebookWorkArea area, string userId, string projectId, string kernelSecret, DateTimeOffset now, CancellationToken ct)
    {
        var port = FreePort();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo(options.Jupyter)
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true,
            WorkingDirectory = area.Notebooks,
        };
        foreach (var arg in new[]
        {
            "--no-browser", "--ip=127.0.0.1", $"--port={port.ToString(CultureInfo.InvariantCulture)}", "--port-retries=0",
            $"--NotebookApp.base_url={BasePath(projectId)}", $"--NotebookApp.token={token}", "--NotebookApp.password=",
            $"--NotebookApp.notebook_dir={area.Notebooks}", "--NotebookApp.terminals_enabled=False",
            // Reached only through the workbench's proxy, which keeps the browser's Host header.
            "--NotebookApp.allow_remote_access=True", "--NotebookApp.allow_root=True",
            "--KernelSpecManager.ensure_native_kernel=False", $"--KernelSpecManager.allowed_kernelspecs={NotebookWorkArea.KernelName}",
            $"--MappingKernelManager.default_kernel_name={NotebookWorkArea.KernelName}",
            "--ContentsManager.allow_hidden=False",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Clear();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin:/bin", ["LANG"] = "C.UTF-8", ["HOME"] = area.Root, ["JUPYTER_PATH"] = area.Jupyter,
            ["JUPYTER_DATA_DIR"] = area.Jupyter, ["JUPYTER_CONFIG_DIR"] = area.Config, ["JUPYTER_RUNTIME_DIR"] = area.Runtime,
            ["JUPYTER_CONFIG_PATH"] = area.Config, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        })
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{options.Jupyter} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NotebookServer(userId, projectId, port, token, kernelSecret, process, now);
        try
        {
            await server.WaitUntilAnsweringAsync(options.StartTimeout, ct);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process.HasExited) throw new Errors.UnavailableException($"the notebook server ended at start (exit code {process.ExitCode})");
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Origin, BasePath(ProjectId) + "api/status"));
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", Token);
                using var response = await http.SendAsync(request, deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new Errors.UnavailableException($"the notebook server did not answer within {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(200, deadline.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the notebook server and its kernels (their fronts end their sandboxed workers).</summary>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
    }
}
