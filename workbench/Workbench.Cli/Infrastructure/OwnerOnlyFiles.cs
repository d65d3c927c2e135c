using System.Runtime.InteropServices;

namespace Workbench.Cli.Infrastructure;

/// <summary>
/// While in scope, every file and directory this process creates is owner-only (umask 077): raw deliveries with
/// direct identifiers, the analytical store and its DuckDB write-ahead log, views and keys are born unreadable to
/// other accounts, including the files DuckDB and SQLite create themselves. Used around the data commands and the
/// data steps of <c>up</c>, which run alone in this process; the umask is restored when the scope ends, before
/// <c>up</c> hosts the server (whose notebook areas set their own modes).
/// </summary>
internal sealed partial class OwnerOnlyFiles : IDisposable
{
    private const uint OwnerOnly = 0b000_111_111;
    private readonly uint? _previous;

    private OwnerOnlyFiles() => _previous = OperatingSystem.IsWindows() ? null : Umask(OwnerOnly);

    public static OwnerOnlyFiles Scope() => new();

    public void Dispose()
    {
        if (_previous is { } previous) _ = Umask(previous);
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
