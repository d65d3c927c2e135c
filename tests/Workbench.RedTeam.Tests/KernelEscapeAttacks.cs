using System.Net.Http.Json;
using System.Text.Json;
using Workbench.RedTeam.Tests.Infrastructure;

namespace Workbench.RedTeam.Tests;

/// <summary>
/// From a cell of the sandboxed kernel, started through the notebook proxy as the demo scientist: read what the
/// workbench keeps (key, store, user database, raw deliveries, other work areas), reach the network, run a program,
/// load a package, find a credential. Each is an error in the cell; opening the project's own view still works.
/// </summary>
[Collection(RunningWorkbenchGroup.Name)]
public sealed class KernelEscapeAttacks(RunningWorkbench workbench) : IAsyncLifetime
{
    private static readonly TimeSpan Cell = TimeSpan.FromMinutes(2);

    // One notebook and one kernel for every attempt (as a user would have them), kept until the workbench stops: the
    // processes of one notebook server share a process limit, so a kernel per attempt would run into it.
    private static readonly SemaphoreSlim Opening = new(1, 1);
    private static (NotebookSession Notebook, KernelChannels Kernel)? shared;
    private NotebookSession notebook = null!;
    private KernelChannels kernel = null!;

    public async Task InitializeAsync()
    {
        await Opening.WaitAsync();
        try
        {
            if (shared is null)
            {
                var scientist = await workbench.SignInAsync("scientist");
                var projects = await scientist.Client.GetFromJsonAsync<JsonElement>("/api/projects", RunningWorkbench.Json);
                var session = await NotebookSession.OpenAsync(scientist, projects.EnumerateArray().First().GetProperty("id").GetString()!);
                shared = (session, await session.StartWorkbenchKernelAsync());
            }
            (notebook, kernel) = shared.Value;
        }
        finally
        {
            Opening.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Data(string name) => Path.Combine(workbench.DataDirectory, name).Replace("\\", "\\\\", StringComparison.Ordinal);

    public static TheoryData<string> Files => new() { "pseudonym.key", "store.duckdb", "workbench.db", "raw", "notebooks", "views", "" };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Cell_ReadsWhatTheWorkbenchKeeps_Fails(string name)
    {
        var path = Data(name);
        var result = await kernel.ExecuteAsync(
            $"System.IO.Directory.Exists(\"{path}\") ? string.Join(\",\", System.IO.Directory.GetFileSystemEntries(\"{path}\")) : System.IO.File.ReadAllBytes(\"{path}\").Length.ToString()",
            Cell);

        Assert.True(result.Status == "error", $"the cell read {path}: {result.Text}");
        Assert.Matches("NotFound|UnauthorizedAccess|Access.*denied", result.ErrorName + " " + result.ErrorValue);
    }

    [Fact]
    public async Task Cell_CallsTheWorkbenchOverTheNetwork_Fails()
    {
        var result = await kernel.ExecuteAsync(
            $"await new System.Net.Http.HttpClient {{ Timeout = TimeSpan.FromSeconds(10) }}.GetStringAsync(\"{workbench.BaseAddress}health\")", Cell);

        Assert.Equal("error", result.Status);
    }

    [Fact]
    public async Task Cell_OpensASocketToLoopback_Fails()
    {
        var result = await kernel.ExecuteAsync(
            $"var s = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp); s.Connect(\"127.0.0.1\", {workbench.BaseAddress.Port}); s.Connected",
            Cell);

        Assert.Equal("error", result.Status);
    }

    [Fact]
    public async Task Cell_StartsAProgram_Fails()
    {
        var result = await kernel.ExecuteAsync("System.Diagnostics.Process.Start(\"/bin/sh\", \"-c id\")?.Id", Cell);

        Assert.Equal("error", result.Status);
    }

    [Fact]
    public async Task Cell_LoadsAPackage_Fails()
    {
        var result = await kernel.ExecuteAsync("#r \"nuget: Newtonsoft.Json\"\n1", Cell);

        Assert.Equal("error", result.Status);
    }

    [Fact]
    public async Task Cell_LooksForACredential_FindsNone()
    {
        var result = await kernel.ExecuteAsync(
            "string.Join(\"\\n\", System.Environment.GetEnvironmentVariables().Keys.Cast<object>()) + \"|\" + " +
            "string.Join(\"\\n\", System.IO.Directory.GetFiles(\"/\", \"*\", new System.IO.EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 4 })" +
            ".Where(f => !f.StartsWith(\"/proc\") && !f.StartsWith(\"/sys\") && !f.StartsWith(\"/usr\")).Where(f => f.Contains(\"token\") || f.EndsWith(\".key\") || f.EndsWith(\".db\")))",
            Cell);

        Assert.Equal("ok", result.Status);
        Assert.DoesNotContain("TOKEN", result.Text.ToUpperInvariant().Split('|')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("kernel-token", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pseudonym.key", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("workbench.db", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cell_WritesIntoTheProjectView_Fails_AndTheViewStillOpens()
    {
        var open = await kernel.ExecuteAsync("var data = await ProjectData.OpenAsync();\ndata.ProjectId", Cell);
        var write = await kernel.ExecuteAsync("System.IO.File.WriteAllText(\"/project/view.duckdb\", \"x\")", Cell);
        var again = await kernel.ExecuteAsync("(await ProjectData.OpenAsync()).ProjectId", Cell);

        Assert.True(open.Status == "ok", $"{open.ErrorName}: {open.ErrorValue}");
        Assert.Equal(notebook.Project, open.Text.Trim());
        Assert.Equal("error", write.Status);
        Assert.True(again.Status == "ok", $"re-running the first cell failed: {again.ErrorName}: {again.ErrorValue}");
    }
}
