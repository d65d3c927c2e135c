using System.Diagnostics;
using System.Globalization;
using System.Net;
using Workbench.Audit;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Notebooks;

/// <summary>
/// The notebook server's sandbox, enforced by the operating system: a command run in the very sandbox a real notebook
/// server was started in (same launcher, same mounts, same uid) reads its own work area and nothing of the data
/// directory (store, pseudonym key, user database, even world-readable) nor another user's work area; Jupyter runs as
/// the area's own unprivileged uid.
/// </summary>
[Collection(Browser.BrowserJourneys.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NotebookSandboxTests
{
    private static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static int UidOf(int pid) => int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
        .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
            .Where(p => { try { return File.ReadAllText($"/proc/{p}/stat").Split(") ")[1].Split(' ')[1] == pid.ToString(CultureInfo.InvariantCulture); } catch (IOException) { return false; } })
            .ToList();
        return children.Concat(children.SelectMany(Descendants));
    }

    [Fact]
    public async Task Sandbox_CommandInARealServersSandbox_ReadsItsAreaButNotTheDataDirectoryNorAnotherUsersArea()
    {
        if (NotebookSandbox.EffectiveUid() != 0) Assert.Fail("this test checks the per-area uid, which needs the tests to run as root (as CI does)");
        using var area = new NotebookArea();
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, area.Settings());
        var (scientist, project) = await NotebookArea.ProjectAsync(app);
        var colleague = await app.CreateUserAsync("colleague", "CBS", WorkbenchRole.DataScientist);
        var (_, other) = await NotebookArea.ProjectAsync(app, colleague);
        var data = app.Database.Directory;
        // World-readable on purpose: what keeps them out is the mount namespace, not their mode.
        foreach (var name in new[] { "store.duckdb", "pseudonym.key" })
        {
            await File.WriteAllTextAsync(Path.Combine(data, name), "secret-" + name);
            File.SetUnixFileMode(Path.Combine(data, name), (UnixFileMode)0b110_100_100);
        }
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        var mine = await WorkbenchApp.SignInAsync(scientist, app.CreateLoopbackClient());
        var theirs = await WorkbenchApp.SignInAsync(colleague, app.CreateLoopbackClient());
        Assert.Equal(HttpStatusCode.OK, (await theirs.PostAsync($"/api/projects/{other}/notebook", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.PostAsync($"/api/projects/{project}/notebook", null)).StatusCode);
        var servers = app.Services.GetRequiredService<NotebookServers>();
        var server = servers.Find(scientist.Id, project)!;
        var otherArea = Path.Combine(area.Root, other, colleague.Id);
        var areaUid = int.Parse(await File.ReadAllTextAsync(Path.Combine(area.Root, project, scientist.Id, "uid")), CultureInfo.InvariantCulture);
        var otherUid = int.Parse(await File.ReadAllTextAsync(Path.Combine(otherArea, "uid")), CultureInfo.InvariantCulture);

        var own = await RunAsync(server.InSandbox(["/bin/sh", "-c", "id -u; ls /workbench/area/notebooks; cat /workbench/area/kernel-token"]));
        var attempts = new Dictionary<string, (int Exit, string Output)>();
        foreach (var target in new[]
        {
            Path.Combine(data, "store.duckdb"), Path.Combine(data, "pseudonym.key"), Path.Combine(data, "workbench.db"),
            Path.Combine(otherArea, "kernel-token"), Directory.GetFiles(Path.Combine(otherArea, "notebooks")).First(),
        })
        {
            Assert.True(File.Exists(target), target);
            attempts[target] = await RunAsync(server.InSandbox(["/bin/cat", target]));
        }
        var listData = await RunAsync(server.InSandbox(["/bin/ls", data]));
        var listAreas = await RunAsync(server.InSandbox(["/bin/ls", area.Root]));
        // Below bubblewrap: Jupyter, and whatever it started.
        var inside = Descendants(server.ProcessId).Where(p => !File.ReadAllText($"/proc/{p}/cmdline").StartsWith("/usr/bin/bwrap", StringComparison.Ordinal)).ToList();
        var jupyter = inside.Where(p => File.ReadAllText($"/proc/{p}/cmdline").Contains("jupyter-notebook", StringComparison.Ordinal)).ToList();

        Assert.Equal(0, own.Exit);
        Assert.StartsWith(areaUid.ToString(CultureInfo.InvariantCulture), own.Output, StringComparison.Ordinal);
        Assert.Contains(".ipynb", own.Output, StringComparison.Ordinal);
        Assert.Contains("wbk_", own.Output, StringComparison.Ordinal);
        Assert.InRange(areaUid, 1_100_000_000, 1_101_000_000);
        Assert.NotEqual(areaUid, otherUid);
        foreach (var (target, (exit, output)) in attempts)
        {
            Assert.True(exit != 0, $"{target} was readable in the sandbox: {output}");
            Assert.Contains("No such file or directory", output, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-", output, StringComparison.Ordinal);
        }
        Assert.NotEqual(0, listData.Exit);
        Assert.NotEqual(0, listAreas.Exit);
        Assert.NotEmpty(jupyter);
        Assert.All(inside, p => Assert.Equal(areaUid, UidOf(p)));
        // On the host, too, the other area is its own uid's only.
        var owner = await RunAsync(new ProcessStartInfo("/usr/bin/stat", ["-c", "%u", Path.Combine(otherArea, "notebooks")]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true });
        Assert.Equal(otherUid.ToString(CultureInfo.InvariantCulture), owner.Output.Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(otherArea, "notebooks")));
    }
}
