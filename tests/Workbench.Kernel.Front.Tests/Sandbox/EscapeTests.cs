using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// Each attempt to get out of the sandbox fails, with an error in the cell, and the kernel answers the next cell.
/// </summary>
[Collection(SandboxedKernel.Name)]
public sealed class EscapeTests(SandboxedKernelFixture fixture)
{
    private static readonly string[] NotFound = ["DirectoryNotFoundException", "FileNotFoundException"];
    private static readonly string[] Refused = ["IOException", "UnauthorizedAccessException"];
    private static readonly string[] OutOfMemory = ["OutOfMemoryException", "WorkerDied"];

    private TestClient.CellRun Run(string code) => fixture.Client.Execute(code, SandboxedKernelFixture.Cell);

    private void AssertKernelLives()
    {
        var next = Run("6 * 7");
        Assert.Equal("ok", next.Status);
        Assert.Equal("42", next.Result);
    }

    [Fact]
    public void Network_ConnectToTheKernelsOwnShellPort_Fails()
    {
        var run = Run($"new System.Net.Sockets.TcpClient().Connect(\"127.0.0.1\", {fixture.Kernel.ShellPort});");

        Assert.Equal("error", run.Status);
        Assert.Equal("SocketException", run.ErrorName);
        AssertKernelLives();
    }

    [Fact]
    public void Dns_ResolveAName_Fails()
    {
        var run = Run("System.Net.Dns.GetHostAddresses(\"example.com\")");

        Assert.Equal("error", run.Status);
        Assert.Equal("SocketException", run.ErrorName);
        AssertKernelLives();
    }

    [Fact]
    public void Files_TheConnectionFileWithTheKey_IsNotThere()
    {
        var run = Run($"System.IO.File.ReadAllText(\"{fixture.Kernel.ConnectionFile}\")");

        Assert.Equal("error", run.Status);
        Assert.Contains(run.ErrorName, NotFound);
        AssertKernelLives();
    }

    [Fact]
    public void Files_HostPathsOutsideTheSandbox_AreNotVisible()
    {
        var run = Run("string.Join(\",\", new[] { \"/etc/passwd\", \"/root\", \"/home\", \"/work\", \"/var\" }.Select(p => System.IO.File.Exists(p) || System.IO.Directory.Exists(p)))");

        Assert.Equal("False,False,False,False,False", run.Result);
    }

    [Fact]
    public void Files_WriteIntoTheRuntime_Fails()
    {
        var run = Run("System.IO.File.WriteAllText(\"/usr/share/dotnet/pwned.txt\", \"x\");");

        Assert.Equal("error", run.Status);
        Assert.Contains(run.ErrorName, Refused);
        AssertKernelLives();
    }

    [Fact]
    public void Files_WorkDirectory_IsWritableAndSeenOnTheHost()
    {
        var file = Path.Combine(fixture.Kernel.WorkDirectory, "result.txt");

        var run = Run($"System.IO.File.WriteAllText(\"{file}\", \"kept\"); System.IO.File.ReadAllText(\"{file}\")");

        Assert.Equal("kept", run.Result);
        Assert.Equal("kept", File.ReadAllText(file));
    }

    [Fact]
    public void Files_TmpIsPrivate_HostTmpIsNotSeen()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"host-marker-{Guid.NewGuid():N}");
        File.WriteAllText(marker, "host");
        try
        {
            Assert.Equal("False", Run($"System.IO.File.Exists(\"{marker}\")").Result);
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public void Identity_TheWorkerRunsAsTheKernelsOwnUid()
    {
        var run = Run("System.IO.File.ReadAllLines(\"/proc/self/status\").First(l => l.StartsWith(\"Uid:\"))");

        var match = System.Text.RegularExpressions.Regex.Match(run.Result!, @"^Uid:\s+(\d+)\s+\1\s+\1\s+\1$");
        Assert.True(match.Success, run.Result);
        Assert.InRange(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Front.Sandbox.SandboxUids.First, Front.Sandbox.SandboxUids.First + Front.Sandbox.SandboxUids.Count - 1);
        Assert.Contains($"sandbox uid {match.Groups[1].Value} for {fixture.Kernel.WorkDirectory}", fixture.Kernel.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/usr/bin/id")]
    [InlineData("/usr/share/dotnet/dotnet")]
    [InlineData("/bin/sh")]
    public void Process_Start_Fails(string program)
    {
        var run = Run($"System.Diagnostics.Process.Start(\"{program}\")");

        Assert.Equal("error", run.Status);
        Assert.Equal("Win32Exception", run.ErrorName);
        AssertKernelLives();
    }

    [Fact]
    public void Process_StartThroughTheSessionsOwnCompilerAroundThePolicy_StillFails()
    {
        // User code reaches the scripting engine the worker has loaded (by reflection: it is not referenced) and
        // compiles code that no policy of ours has seen, with the engine's default references.
        var run = Run("""
            var engine = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "Microsoft.CodeAnalysis.CSharp.Scripting")
                .GetType("Microsoft.CodeAnalysis.CSharp.Scripting.CSharpScript")!
                .GetMethods().Single(m => m.Name == "EvaluateAsync" && !m.IsGenericMethod);
            string outcome;
            try
            {
                var evaluation = (Task<object>)engine.Invoke(null, ["System.Diagnostics.Process.Start(\"/usr/bin/id\").Id", null, null, null, default(CancellationToken)])!;
                outcome = "started " + await evaluation;
            }
            catch (Exception e) { outcome = e.ToString(); }
            outcome
            """);

        Assert.Equal("ok", run.Status);
        // EPERM from the seccomp filter: "Operation not permitted".
        Assert.StartsWith("System.ComponentModel.Win32Exception (1)", run.Result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#r \"nuget: Newtonsoft.Json\"", "NuGet packages cannot be added")]
    [InlineData("#i \"nuget: https://example.com/feed\"", "package sources (#i) are not available")]
    [InlineData("#!pwsh\nGet-Process", "magic commands (#!pwsh) are not available")]
    [InlineData("#!connect jupyter --kernel-name python3", "magic commands (#!connect) are not available")]
    [InlineData("#r \"/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Net.Http.dll\"", "assembly references (#r) are not allowed")]
    [InlineData("#load \"other.csx\"", "loading script files (#load) is not allowed")]
    public void Directives_ThatReachOut_AreRefusedWithTheReason(string code, string reason)
    {
        var run = Run(code);

        Assert.Equal("error", run.Status);
        Assert.Equal("SubmissionRefused", run.ErrorName);
        Assert.Contains(reason, run.ErrorValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_Bomb_FailsAloneAndTheKernelLives()
    {
        var run = Run("var hoard = new List<byte[]>(); while (true) hoard.Add(new byte[50_000_000]);");

        Assert.Equal("error", run.Status);
        Assert.Contains(run.ErrorName, OutOfMemory);
        AssertKernelLives();
    }

    [Fact]
    public void Project_KernelWithoutProject_OpensNothingAndSaysHowToBindIt()
    {
        var open = Run("await ProjectData.OpenAsync()");
        var submit = Run("await Output.Table(new DataFrame(new StringDataFrameColumn(\"g\", new[] { \"a\" }), new StringDataFrameColumn(\"u\", new[] { \"1\" })))"
            + ".By(\"g\").Count(\"u\").SubmitAsync(\"A title\", \"A description of it\", \"A reason\")");
        var mounted = Run("System.IO.Directory.GetFiles(\"/project\").Length");

        Assert.Equal("ProjectAccessException", open.ErrorName);
        Assert.Contains("this kernel is not bound to a project", open.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("OutputSubmissionException", submit.ErrorName);
        Assert.Contains("this kernel is not bound to a project", submit.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("0", mounted.Result);
    }

    [Fact]
    public void Exit_CellEndsTheWorker_NextCellRunsInAFreshOne()
    {
        var run = Run("Environment.Exit(3);");

        Assert.Equal("WorkerDied", run.ErrorName);
        Assert.Contains("exit code 3", run.ErrorValue, StringComparison.Ordinal);
        AssertKernelLives();
    }
}
