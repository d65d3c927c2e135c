using Workbench.Kernel.Front.Project;

namespace Workbench.Kernel.Front.Tests.Project;

public sealed class ProjectBindingTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("workbench-binding-").FullName;
    private readonly Dictionary<string, string> environment = [];

    private (ProjectBinding? Binding, string Reason) Resolve(string? server = null, string? project = null) =>
        ProjectBinding.Resolve(server, project, null, name => environment.GetValueOrDefault(name), directory);

    [Fact]
    public void Resolve_CommandLineBeatsEnvironmentBeatsFile()
    {
        File.WriteAllText(Path.Combine(directory, ProjectBinding.FileName), """{ "server": "https://file.example", "project": "P-2026-0003" }""");
        environment["WORKBENCH_PROJECT"] = "P-2026-0002";

        var fromAll = Resolve(server: "https://cli.example/some/path");
        var fromFile = ProjectBinding.Resolve(null, null, null, _ => null, directory);

        Assert.Equal((new Uri("https://cli.example/"), "P-2026-0002"), (fromAll.Binding!.Server, fromAll.Binding.ProjectId));
        Assert.Equal((new Uri("https://file.example/"), "P-2026-0003"), (fromFile.Binding!.Server, fromFile.Binding.ProjectId));
    }

    [Theory]
    [InlineData("http://workbench.example", "P-1", "must be an https URL (plain http only on loopback)")]
    [InlineData("ftp://127.0.0.1", "P-1", "must be an https URL")]
    [InlineData("https://workbench.example", "P-1/../admin", "is not a project id")]
    [InlineData(null, "P-1", "this kernel is not bound to a project")]
    public void Resolve_BadOrMissingBinding_IsRefusedWithTheReason(string? server, string project, string reason)
    {
        var (binding, why) = Resolve(server, project);

        Assert.Null(binding);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PlainHttpOnLoopback_IsAllowed()
    {
        Assert.NotNull(Resolve("http://127.0.0.1:5080", "P-2026-0001").Binding);
    }

    [Fact]
    public void Resolve_BrokenFile_SaysWhichFile()
    {
        File.WriteAllText(Path.Combine(directory, ProjectBinding.FileName), "{ not json");

        var (binding, why) = Resolve();

        Assert.Null(binding);
        Assert.Contains(ProjectBinding.FileName, why, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
