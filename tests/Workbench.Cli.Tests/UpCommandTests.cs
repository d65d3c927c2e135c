using System.Net;
using System.Text;
using Workbench.Testing;

namespace Workbench.Cli.Tests;

/// <summary>The README's run command on a fresh machine, and run again.</summary>
public sealed class UpCommandTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOthers = (UnixFileMode)0b000_111_111;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Up_FreshDirectory_CreatesOwnerOnlyKeyAndStore_AndSecondRunChangesNothing()
    {
        var first = await CliRunner.RunAsync(_dir.Path, "up", "--persons", "2000", "--no-server");
        var storeBytes = await File.ReadAllBytesAsync(_dir[".workbench/store.duckdb"]);
        var second = await CliRunner.RunAsync(_dir.Path, "up", "--persons", "2000", "--no-server");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir[".workbench/pseudonym.key"]));
        // The data directory and everything up writes into it are owner-only from the start.
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(_dir[".workbench"]));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_dir[".workbench/store.duckdb"]));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(_dir[".workbench/deliveries"]));
        Assert.All(Directory.EnumerateFileSystemEntries(_dir[".workbench"], "*", SearchOption.AllDirectories),
            path => Assert.True((File.GetUnixFileMode(path) & GroupOrOthers) == 0, $"{path} is {File.GetUnixFileMode(path)}"));
        Assert.Contains("persons", first.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("in place", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("unchanged", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("replaced", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(storeBytes.Length, new FileInfo(_dir[".workbench/store.duckdb"]).Length);
        // Jupyter is on the test machine (tests/run.sh installs it), so up installs the sandboxed kernel for the user.
        var spec = await File.ReadAllTextAsync(_dir["jupyter/kernels/workbench-csharp/kernel.json"]);
        Assert.Contains("\"display_name\": \"C# (Workbench)\"", spec, StringComparison.Ordinal);
        Assert.DoesNotContain("--unsandboxed-development", spec, StringComparison.Ordinal);
        Assert.Contains("\"WORKBENCH_SERVER\": \"http://127.0.0.1:5080/\"", spec, StringComparison.Ordinal); // the demo's own server
    }

    [Fact]
    public async Task Up_WithServer_ServesHealthAndSignIn_UntilInterrupted()
    {
        var port = LoopbackPorts.Free();
        using var process = CliRunner.Start(_dir.Path, null, "up", "--persons", "2000", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stdout = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (stdout) stdout.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        try
        {
            var health = await PollAsync(http, "/health", process, TimeSpan.FromMinutes(4));
            var signIn = await http.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
            var me = await http.GetAsync(new Uri("/api/me", UriKind.Relative));

            Assert.Equal("Healthy", health); // the database answers and the store and key written by up are in place
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Contains("Sign in", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            Assert.True(File.Exists(_dir[".workbench/workbench.db"]), "the server's database is not under WORKBENCH_HOME");
            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(_dir[".workbench"]));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_dir[".workbench/workbench.db"]));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_dir[".workbench/audit-checkpoints.jsonl"]));
            // The server answers as soon as it has started; the lines announcing it are printed just after and reach
            // this process asynchronously, so give them a moment on a busy machine.
            var printed = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
            while (TimeProvider.System.GetUtcNow() < printed)
            {
                lock (stdout)
                {
                    if (stdout.ToString().Contains("TOTP key", StringComparison.Ordinal)) break;
                }
                await Task.Delay(100);
            }
            lock (stdout)
            {
                var printedText = stdout.ToString();
                Assert.True(printedText.Contains($"Workbench is running at http://127.0.0.1:{port}", StringComparison.Ordinal), $"up printed:\n{printedText}");
                Assert.Contains("admin", printedText, StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!process.HasExited) CliRunner.Interrupt(process);
        }
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(stop.Token);
        Assert.True(process.ExitCode == 0, await stderr);
    }

    private static async Task<string> PollAsync(HttpClient http, string path, System.Diagnostics.Process process, TimeSpan within)
    {
        var deadline = TimeProvider.System.GetUtcNow() + within;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            Assert.False(process.HasExited, $"workbench up exited with {(process.HasExited ? process.ExitCode : 0)} before serving");
            try
            {
                var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (response.IsSuccessStatusCode) return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // not listening yet: the data steps come first
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{path} did not answer within {within}");
    }
}
