namespace Workbench.Cli.Tests;

/// <summary>A fresh directory that is deleted with the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("workbench-cli-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        // The server seals its checkpoint journal append-only (as root); such a file cannot be deleted until unsealed.
        foreach (var journal in Directory.EnumerateFiles(Path, Workbench.Server.Audit.AuditOptions.DefaultJournalName, SearchOption.AllDirectories))
        {
            Workbench.Audit.AppendOnlyFile.Unseal(journal);
        }
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
