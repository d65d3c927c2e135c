using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>The POSIX calls .NET does not offer: the effective uid, chown, link and flock.</summary>
internal static partial class Posix
{
    /// <summary>
    /// Root with every uid at hand: the effective uid is 0 and the user namespace maps the sandbox's uids (always on the
    /// host). Root inside a namespace that maps only a few uids (an outer sandbox's <c>--uid 0</c>) cannot switch to
    /// them, so it is treated like any other user: the worker gets a user namespace of its own.
    /// </summary>
    public static bool IsRoot => GetEuid() == 0 && Maps(65534, 1) && Maps(SandboxUids.First, SandboxUids.Count);

    private static bool Maps(long first, long count)
    {
        try
        {
            return File.ReadAllLines("/proc/self/uid_map").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(p =>
                p.Length == 3 && long.TryParse(p[0], System.Globalization.CultureInfo.InvariantCulture, out var inside)
                && long.TryParse(p[2], System.Globalization.CultureInfo.InvariantCulture, out var length)
                && inside <= first && first + count <= inside + length);
        }
        catch (IOException)
        {
            return false;
        }
    }

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

    /// <summary>Changes the owner of a link itself, never of what it points to.</summary>
    public static void Lchown(string path, int uid, int gid)
    {
        if (NativeLchown(path, uid, gid) != 0)
            throw new UnauthorizedAccessException($"lchown {path} to {uid}:{gid} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private const int LockShared = 1, LockExclusive = 2, LockNonBlocking = 4;
    private const int EWouldBlock = 11;

    /// <summary>
    /// An advisory lock on an open file (flock): exclusive or shared, without waiting unless <paramref name="wait"/>.
    /// False when another open file holds a conflicting lock. Taking the other kind converts the lock held.
    /// The kernel releases it when the file is closed, including when the process dies.
    /// </summary>
    public static bool TryLock(SafeFileHandle file, bool exclusive, bool wait = false)
    {
        var operation = (exclusive ? LockExclusive : LockShared) | (wait ? 0 : LockNonBlocking);
        var handle = file.DangerousGetHandle().ToInt32();
        if (NativeFlock(handle, operation) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        return errno == EWouldBlock ? false : throw new IOException($"flock failed: errno {errno}");
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int NativeFlock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeLchown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeLink(string existing, string link);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeChown(string path, int owner, int group);
}
