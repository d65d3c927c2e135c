using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Workbench.Server.Notebooks;

/// <summary>
/// One running Jupyter Notebook server: in its sandbox (<see cref="NotebookSandbox"/>), on a free loopback port, with a
/// random secret (the proxy adds it; the browser never sees it, no command line holds it), under its own base URL,
/// knowing only the workbench kernel, without terminals.
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

    private System.Collections.Concurrent.ConcurrentQueue<string> StartErrors { get; init; } = new();

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref lastActivityTicks), TimeSpan.Zero);

    public bool HasExited => process.HasExited;

    public Uri Origin => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public static string BasePath(string projectId) => $"/notebooks/{projectId}/";

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastActivityTicks, now.UtcTicks);

    /// <summary>Where the server runs: its sandbox (tests run other commands in the very same one).</summary>
    internal NotebookSandbox Sandbox { get; private init; } = null!;

    /// <summary>The id of the sandbox's outer process (bubblewrap); Jupyter and its kernels are below it.</summary>
    internal int ProcessId => process.Id;

    /// <summary>A command in this server's sandbox, with its environment: how Jupyter itself is started.</summary>
    internal ProcessStartInfo InSandbox(IReadOnlyList<string> command) => Sandbox.StartInfo(command, Environment(NotebookSandbox.Inside));

    internal static async Task<NotebookServer> StartAsync(
        NotebookOptions options, NotebookSandbox sandbox, string userId, string projectId, string kernelSecret, DateTimeOffset now, CancellationToken ct)
    {
        var port = FreePort();
        // The proxy's secret: in a file only the server's uid reads (see workbench_notebook.py), never in a command line,
        // an environment or a page; Jupyter's own token stays empty.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        NotebookWorkArea.WriteSecret(sandbox.Area.SecretFile, token, sandbox.Uid);
        var inside = NotebookSandbox.Inside;
        var command = new List<string>
        {
            options.Jupyter, "--no-browser", "--ip=127.0.0.1", $"--port={port.ToString(CultureInfo.InvariantCulture)}", "--port-retries=0",
            $"--NotebookApp.base_url={BasePath(projectId)}", "--NotebookApp.token=", "--NotebookApp.password=",
            $"--NotebookApp.notebook_dir={inside.Notebooks}", "--NotebookApp.terminals_enabled=False", "--NotebookApp.quit_button=False",
            // Reached only through the workbench's proxy, which keeps the browser's Host header.
            "--NotebookApp.allow_remote_access=True",
            "--NotebookApp.kernel_spec_manager_class=workbench_notebook.WorkbenchKernelSpecManager",
            "--NotebookApp.login_handler_class=workbench_notebook.WorkbenchLoginHandler",
            $"--MappingKernelManager.default_kernel_name={NotebookWorkArea.KernelName}",
            "--ContentsManager.allow_hidden=False",
            // Notebook signing writes its secret and database: into the server's own runtime directory (jupyter/ is root's).
            $"--NotebookNotary.data_dir={inside.Runtime}",
        };
        var start = sandbox.StartInfo(command, Environment(inside));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{options.Jupyter} did not start");
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            // The last lines, for the reason when the server ends at start.
            if (e.Data is null) return;
            errors.Enqueue(e.Data);
            while (errors.Count > 20 && errors.TryDequeue(out var dropped)) { }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NotebookServer(userId, projectId, port, token, kernelSecret, process, now) { Sandbox = sandbox, StartErrors = errors };
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

    private static Dictionary<string, string> Environment(NotebookWorkArea inside) => new()
    {
        ["PATH"] = "/usr/bin:/bin", ["LANG"] = "C.UTF-8", ["HOME"] = inside.Home, ["USER"] = "notebook", ["TMPDIR"] = "/tmp",
        ["JUPYTER_PATH"] = inside.Jupyter, ["JUPYTER_DATA_DIR"] = inside.Jupyter, ["JUPYTER_CONFIG_DIR"] = inside.Config,
        ["JUPYTER_CONFIG_PATH"] = inside.Config, ["JUPYTER_RUNTIME_DIR"] = inside.Runtime,
        ["PYTHONPATH"] = NotebookSandbox.PythonMount, ["PYTHONDONTWRITEBYTECODE"] = "1", ["PYTHONNOUSERSITE"] = "1",
        ["WORKBENCH_NOTEBOOK_SECRET_FILE"] = inside.SecretFile, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                throw new Errors.UnavailableException($"the notebook server ended at start (exit code {process.ExitCode}): {string.Join(" | ", StartErrors)}");
            }
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
