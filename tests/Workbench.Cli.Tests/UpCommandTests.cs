namespace Workbench.Cli.Tests;

/// <summary>The README's run command on a fresh machine, and run again.</summary>
public sealed class UpCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Up_FreshDirectory_CreatesOwnerOnlyKeyAndStore_AndSecondRunChangesNothing()
    {
        var first = await CliRunner.RunAsync(_dir.Path, "up", "--persons", "2000");
        var storeBytes = await File.ReadAllBytesAsync(_dir[".workbench/store.duckdb"]);
        var second = await CliRunner.RunAsync(_dir.Path, "up", "--persons", "2000");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir[".workbench/pseudonym.key"]));
        Assert.Contains("persons", first.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("in place", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("unchanged", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("replaced", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(storeBytes.Length, new FileInfo(_dir[".workbench/store.duckdb"]).Length);
    }
}
