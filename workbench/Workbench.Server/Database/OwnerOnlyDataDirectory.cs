using Microsoft.Data.Sqlite;

namespace Workbench.Server.Database;

/// <summary>
/// The data directory holds the user database, the analytical store, the pseudonymisation key, raw deliveries and the
/// audit journal: only the account that runs Workbench may enter it. The directory is created 0700 and files 0600
/// in the creating system call (never chmod-ed after a window in which others could open them); one that already
/// exists with group or other bits is tightened, and the caller is told so it can say so.
/// </summary>
public static class OwnerOnlyDataDirectory
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = (UnixFileMode)0b000_111_111;

    /// <summary>Creates <paramref name="path"/> (and missing parents) owner-only; returns whether an existing one had to be tightened.</summary>
    public static bool EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return false;
        }
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
            return false;
        }
        return Tighten(path);
    }

    /// <summary>Creates an empty file owner-only unless it exists; returns whether an existing one had to be tightened.</summary>
    public static bool EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows()) return false;
        if (File.Exists(path)) return Tighten(path);
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            return Tighten(path); // created by someone else meanwhile
        }
        return false;
    }

    /// <summary>
    /// The SQLite database file of <paramref name="connectionString"/>, created empty and owner-only before SQLite
    /// opens it (SQLite itself creates files 0644, and gives its journal and WAL files the database file's mode).
    /// Nothing for in-memory databases.
    /// </summary>
    public static bool EnsureSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" || builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return false;
        }
        var file = Path.GetFullPath(builder.DataSource);
        // A missing folder is created owner-only; an existing one is the operator's (the data directory is tightened on its own).
        var folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder)) EnsureDirectory(folder);
        return EnsureFile(file);
    }

    private static bool Tighten(string path)
    {
        if (OperatingSystem.IsWindows()) return false;
        var current = File.GetUnixFileMode(path);
        if ((current & GroupOrOthers) == 0) return false;
        if ((current & UnixFileMode.StickyBit) != 0)
        {
            throw new InvalidOperationException($"'{path}' is a shared directory (sticky bit, like /tmp): give Workbench a data directory of its own");
        }
        File.SetUnixFileMode(path, current & ~GroupOrOthers);
        return true;
    }
}
