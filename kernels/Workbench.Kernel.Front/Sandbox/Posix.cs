using System.Runtime.InteropServices;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>The two POSIX calls .NET does not offer: the effective uid and chown.</summary>
internal static partial class Posix
{
    public static bool IsRoot => GetEuid() == 0;

    public static void Chown(string path, int uid, int gid)
    {
        if (NativeChown(path, uid, gid) != 0)
            throw new UnauthorizedAccessException($"chown {path} to {uid}:{gid} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeChown(string path, int owner, int group);
}
