using System.Diagnostics;
using System.Text.Json;

namespace Workbench.Cli.Tests;

/// <summary><c>workbench kernel install</c> writes the kernelspec <c>workbench-csharp</c> where Jupyter finds it.</summary>
public sealed class KernelInstallCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DataDir => _dir["jupyter"];

    private Dictionary<string, string> Environment => new() { ["JUPYTER_DATA_DIR"] = DataDir };

    private JsonElement ReadSpec()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDir, "kernels", "workbench-csharp", "kernel.json")));
        return spec.RootElement.Clone();
    }

    [Fact]
    public async Task Install_Default_WritesTheContractsKernelspecPointingAtTheBuiltFront()
    {
        var result = await CliRunner.RunAsync(_dir.Path, Environment, "kernel", "install");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var spec = ReadSpec();
        Assert.Equal("C# (Workbench)", spec.GetProperty("display_name").GetString());
        Assert.Equal("C#", spec.GetProperty("language").GetString());
        Assert.Equal("message", spec.GetProperty("interrupt_mode").GetString());
        var argv = spec.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.True(File.Exists(argv[0]), argv[0]);
        Assert.EndsWith("Workbench.Kernel.Front.dll", argv[1], StringComparison.Ordinal);
        Assert.True(File.Exists(argv[1]), argv[1]);
        Assert.Equal(["--connection-file", "{connection_file}"], argv[2..]);
    }

    [Fact]
    public async Task Install_ThenJupyterKernelspecList_ShowsWorkbenchCsharp()
    {
        await CliRunner.RunAsync(_dir.Path, Environment, "kernel", "install");

        var start = new ProcessStartInfo("jupyter", "kernelspec list --json") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["JUPYTER_DATA_DIR"] = DataDir;
        using var jupyter = Process.Start(start)!;
        var listing = await jupyter.StandardOutput.ReadToEndAsync();
        await jupyter.WaitForExitAsync();

        using var json = JsonDocument.Parse(listing);
        var kernel = json.RootElement.GetProperty("kernelspecs").GetProperty("workbench-csharp");
        Assert.Equal(Path.Combine(DataDir, "kernels", "workbench-csharp"), kernel.GetProperty("resource_dir").GetString());
    }

    [Fact]
    public async Task Install_Unsandboxed_SaysSoInNameArgvAndWarning()
    {
        var result = await CliRunner.RunAsync(_dir.Path, Environment, "kernel", "install", "--unsandboxed-development");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("WITHOUT the sandbox", result.Stdout, StringComparison.Ordinal);
        var spec = ReadSpec();
        Assert.Contains("UNSANDBOXED", spec.GetProperty("display_name").GetString(), StringComparison.Ordinal);
        Assert.Equal("--unsandboxed-development", spec.GetProperty("argv").EnumerateArray().Last().GetString());
    }

    [Fact]
    public async Task Install_FrontThatDoesNotExist_ExitsTwoAndWritesNothing()
    {
        var result = await CliRunner.RunAsync(_dir.Path, Environment, "kernel", "install", "--front", _dir["missing/Workbench.Kernel.Front.dll"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(DataDir, "kernels")));
    }

    [Fact]
    public async Task Install_FrontWithAnotherName_ExitsTwo()
    {
        File.WriteAllText(_dir["other.dll"], "");

        var result = await CliRunner.RunAsync(_dir.Path, Environment, "kernel", "install", "--front", _dir["other.dll"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--front must name Workbench.Kernel.Front.dll", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_Server_PutsItInTheKernelsEnvironment()
    {
        var result = await CliRunner.RunAsync(_dir.Path, Environment, "kernel", "install", "--server", "https://workbench.example/");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("https://workbench.example/", ReadSpec().GetProperty("env").GetProperty("WORKBENCH_SERVER").GetString());
    }

    [Theory]
    [InlineData("http://workbench.example")]
    [InlineData("not a url")]
    public async Task Install_ServerNotHttpsOffLoopback_ExitsTwoAndWritesNothing(string server)
    {
        var result = await CliRunner.RunAsync(_dir.Path, Environment, "kernel", "install", "--server", server);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--server must be an https URL", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(DataDir, "kernels")));
    }
}
