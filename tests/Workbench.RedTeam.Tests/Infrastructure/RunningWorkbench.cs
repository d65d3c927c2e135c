using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Testing;

namespace Workbench.RedTeam.Tests.Infrastructure;

/// <summary>
/// The product as the README runs it: <c>workbench up</c> in a child process (Development, the demo users, a synthetic
/// population, the demo projects with their notebooks), on a loopback port, with its own WORKBENCH_HOME. The attacks
/// reach it only the way a user can: HTTP and WebSockets, signed in as a demo user.
/// </summary>
public sealed class RunningWorkbench : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Workbench-2026!";

    /// <summary>The demo users' TOTP keys, as the README prints them.</summary>
    public static readonly IReadOnlyDictionary<string, string> TotpKeys = new Dictionary<string, string>
    {
        ["admin"] = "JBSWY3DPEHPK3PXPADMINDEMO234567A",
        ["scientist"] = "JBSWY3DPEHPK3PXPSCIENTISTDEMO23A",
        ["checker"] = "JBSWY3DPEHPK3PXPCHECKERDEMO2345A",
        ["checker2"] = "JBSWY3DPEHPK3PXPCHECKERTWODEMO2A",
        ["steering"] = "JBSWY3DPEHPK3PXPSTEERINGDEMO234A",
        ["requester"] = "JBSWY3DPEHPK3PXPREQUESTERDEMO23A",
        ["chair"] = "JBSWY3DPEHPK3PXPCHAIRDEMO234567A",
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StringBuilder output = new();
    private Process? process;

    public string Home { get; } = Directory.CreateTempSubdirectory("workbench-redteam-").FullName;

    public string DataDirectory => Path.Combine(Home, ".workbench");

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public async Task InitializeAsync()
    {
        // Anyone may pass through the temporary home (the kernel sandbox's uid reaches its work directory below it).
        File.SetUnixFileMode(Home, (UnixFileMode)0b111_101_101);
        var port = LoopbackPorts.Free();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Home, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "workbench.dll"), "up", "--persons", "1000", "--port", port.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        foreach (var name in new[] { "WORKBENCH_PSEUDONYM_KEY", "Audit__CheckpointKey", "Database__Provider", "Database__ConnectionString", "ASPNETCORE_ENVIRONMENT" })
            start.Environment.Remove(name);
        start.Environment["WORKBENCH_HOME"] = DataDirectory;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(Home, "jupyter"); // never the real user's kernels
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start workbench up");
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"workbench up exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK && Output.Contains("Workbench is running at", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy generating data
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"workbench up did not serve within 5 minutes:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            using (var interrupt = Process.Start("kill", ["-s", "INT", process.Id.ToString(CultureInfo.InvariantCulture)])) await interrupt.WaitForExitAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process?.Dispose();
        // The server sealed its audit journal append-only (it runs as root here): unseal it to clean up.
        Workbench.Audit.AppendOnlyFile.Unseal(Path.Combine(DataDirectory, Workbench.Server.Audit.AuditOptions.DefaultJournalName));
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A browser-like client (cookies, no redirects followed), not signed in.</summary>
    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    /// <summary>Signs a demo user in through the real pages: password, then the TOTP code of the README's key.</summary>
    public async Task<SignedIn> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = BaseAddress };
        var password = await WorkbenchApp.PostFormAsync(client, "/Account/SignIn", new() { ["UserName"] = userName, ["Password"] = DemoPassword });
        Assert.True(password.StatusCode == HttpStatusCode.Redirect, $"{userName}: sign-in answered {password.StatusCode}");
        // An authenticator code is accepted once: wait for the next one if this one was used by an earlier sign-in.
        HttpResponseMessage code;
        var attempts = 0;
        do
        {
            code = await WorkbenchApp.PostFormAsync(client, "/Account/Mfa", new() { ["Code"] = Totp.Now(TotpKeys[userName]) });
            if (code.StatusCode == HttpStatusCode.Redirect) break;
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        while (++attempts < 8);
        Assert.True(code.StatusCode == HttpStatusCode.Redirect, $"{userName}: the TOTP step answered {code.StatusCode}");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me", Json);
        return new SignedIn(userName, me.GetProperty("userId").GetString()!, client, cookies);
    }
}

/// <summary>A demo user's signed-in browser session.</summary>
public sealed record SignedIn(string UserName, string Id, HttpClient Client, CookieContainer Cookies);

[CollectionDefinition(Name)]
public sealed class RunningWorkbenchGroup : ICollectionFixture<RunningWorkbench>
{
    public const string Name = "running workbench";
}
