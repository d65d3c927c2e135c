namespace Workbench.Server.Identity;

/// <summary>Folders of secrets (the Data Protection key ring) that only the server's account may read.</summary>
internal static class OwnerOnly
{
    private const UnixFileMode Directory700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the folder mode 700, or narrows an existing one (an older server created it with the default umask)
    /// to 700 and its files to 600: the keys in it decrypt every session and second-factor secret.
    /// </summary>
    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, Directory700);
        if (File.GetUnixFileMode(path) != Directory700) File.SetUnixFileMode(path, Directory700);
        foreach (var file in Directory.EnumerateFiles(path))
        {
            if ((File.GetUnixFileMode(file) & ~File600) != 0) File.SetUnixFileMode(file, File.GetUnixFileMode(file) & File600);
        }
    }
}
