using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Database;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OwnerOnlyDataDirectoryTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;
    private readonly string _root = Directory.CreateTempSubdirectory("workbench-modes-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Server_FreshDataDirectory_CreatesDirectoryDatabaseAndJournalOwnerOnly()
    {
        var data = Path.Combine(_root, "data");
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite, checkpointInterval: 4, new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = data,
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(data, "workbench.db")};Pooling=False",
        });
        await app.CreateUserAsync("user", "CBS", WorkbenchRole.DataScientist);
        var journal = Path.Combine(data, AuditOptions.DefaultJournalName);

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(data));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(data, "workbench.db")));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(journal));
        AppendOnlyFile.Unseal(journal);
    }

    [Fact]
    public void EnsureDirectory_ExistingWorldReadable_TightensAndSaysSo()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "open")).FullName;
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);

        Assert.True(OwnerOnlyDataDirectory.EnsureDirectory(data));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(data));
        Assert.False(OwnerOnlyDataDirectory.EnsureDirectory(data));
    }

    [Fact]
    public void EnsureDirectory_SharedStickyDirectory_IsRefused()
    {
        var shared = Directory.CreateDirectory(Path.Combine(_root, "shared")).FullName;
        File.SetUnixFileMode(shared, (UnixFileMode)0b001_111_111_111);

        var refused = Assert.Throws<InvalidOperationException>(() => OwnerOnlyDataDirectory.EnsureDirectory(shared));
        Assert.Contains("shared directory", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSqliteFile_NewFile_IsCreatedOwnerOnlyBeforeSqliteOpensIt()
    {
        var file = Path.Combine(_root, "new", "workbench.db");

        Assert.False(OwnerOnlyDataDirectory.EnsureSqliteFile($"Data Source={file}"));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        Assert.False(OwnerOnlyDataDirectory.EnsureSqliteFile("Data Source=:memory:"));
    }
}
