using System.Runtime.InteropServices;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>The POSIX calls .NET does not offer: the effective uid, chown and link.</summary>
internal static partial class Posix
{
    public static bool IsRoot => GetEuid() == 0;

    public static void Chown(string path, int uid, int gid)
    {
        if (NativeChown(path, uid, gid) != 0)
            throw new UnauthorizedAccessException($"chown {path} to {uid}:{gid} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>A hard link (same file system); <see cref="IOException"/> when it cannot be made (another file system).</summary>
    public static void Link(string existing, string link)
    {
        if (NativeLink(existing, link) != 0)
            throw new IOException($"link {existing} to {link} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeLink(string existing, string link);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeChown(string path, int owner, int group);
}
