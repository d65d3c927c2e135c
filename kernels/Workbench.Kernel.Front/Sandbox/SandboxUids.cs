using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>
/// A uid of its own for each kernel's worker, when the front runs as root: leased from a range no account uses
/// (<see cref="First"/> onwards: above systemd's container ranges, below 2³¹), so that no two kernels' sandboxes share a
/// uid and one kernel's worker cannot read another's work area or view even outside its mount namespace. Kernels on
/// the same work directory (notebooks of one folder) share that directory's uid: it owns the directory.
/// </summary>
/// <remarks>
/// The leases are files in a root-only directory (<see cref="Directory"/>), each held with a shared flock by every live
/// kernel using it, so the kernel drops them when a front dies. Allocation runs under an exclusive lock: a uid lease
/// (and a work directory's) is free when an exclusive lock on it can be taken. When a work directory gets a new uid
/// (no live kernel uses it), the front gives the directory's tree to it (lchown: links themselves, never what they
/// point to) before its worker starts; no process of the directory's old uid is alive then.
/// </remarks>
internal sealed class SandboxUids : IDisposable
{
    public const int First = 1_879_048_192;
    public const int Count = 65_536;
    public const string Directory = "/run/workbench-kernel-uids";
    private readonly SafeFileHandle[] leases;

    private SandboxUids(int uid, SafeFileHandle[] leases)
    {
        Uid = uid;
        this.leases = leases;
    }

    public int Uid { get; }

    /// <summary>The uid for a kernel working in <paramref name="workDirectory"/>; the work directory is made and owned by it.</summary>
    /// <exception cref="IOException">When no lease can be had, with the reason.</exception>
    public static SandboxUids Acquire(string workDirectory, string leaseDirectory = Directory)
    {
        System.IO.Directory.CreateDirectory(leaseDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (new DirectoryInfo(leaseDirectory).LinkTarget is not null || File.GetUnixFileMode(leaseDirectory) != (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute))
            throw new IOException($"{leaseDirectory} must be a directory only root can enter (0700)");
        using var allocation = OpenWaiting(Path.Combine(leaseDirectory, "allocate.lock"));
        Posix.TryLock(allocation, exclusive: true, wait: true);

        var full = Path.GetFullPath(workDirectory);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..32];
        var work = File.OpenHandle(Path.Combine(leaseDirectory, $"work-{key}"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            if (!Posix.TryLock(work, exclusive: true))
            {
                // A live kernel works in this directory: share its uid.
                Posix.TryLock(work, exclusive: false, wait: true);
                var shared = int.Parse(ReadAll(work), CultureInfo.InvariantCulture);
                var held = File.OpenHandle(UidLease(leaseDirectory, shared), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                Posix.TryLock(held, exclusive: false, wait: true);
                return new SandboxUids(shared, [work, held]);
            }
            var start = RandomNumberGenerator.GetInt32(Count);
            for (var i = 0; i < Count; i++)
            {
                var uid = First + (start + i) % Count;
                var lease = File.OpenHandle(UidLease(leaseDirectory, uid), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                if (!Posix.TryLock(lease, exclusive: true))
                {
                    lease.Dispose();
                    continue;
                }
                Write(work, uid.ToString(CultureInfo.InvariantCulture));
                GiveTree(full, uid);
                Posix.TryLock(lease, exclusive: false);
                Posix.TryLock(work, exclusive: false);
                return new SandboxUids(uid, [work, lease]);
            }
            throw new IOException($"all {Count} sandbox uids from {First} are in use");
        }
        catch
        {
            work.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the allocation lock, waiting while another front allocates: .NET takes a shared flock of its own when it
    /// opens a file (its FileShare emulation) and fails at once when another process holds an exclusive one.
    /// </summary>
    private static SafeFileHandle OpenWaiting(string path)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (true)
        {
            try
            {
                return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            catch (IOException) when (Environment.TickCount64 < deadline && File.Exists(path))
            {
                Thread.Sleep(20);
            }
        }
    }

    private static string UidLease(string leaseDirectory, int uid) => Path.Combine(leaseDirectory, $"uid-{uid.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The work directory (0700) and everything in it to <paramref name="uid"/>, not following links.</summary>
    private static void GiveTree(string directory, int uid)
    {
        System.IO.Directory.CreateDirectory(directory);
        if (new DirectoryInfo(directory).LinkTarget is not null) throw new IOException($"the work directory {directory} is a link; give the directory itself");
        Give(directory, uid);
        Posix.Lchown(directory, uid, uid);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void Give(string directory, int uid)
    {
        foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(directory))
        {
            Posix.Lchown(entry, uid, uid);
            // A link is changed itself (above) and never entered.
            if (new FileInfo(entry).LinkTarget is null && System.IO.Directory.Exists(entry)) Give(entry, uid);
        }
    }

    private static string ReadAll(SafeFileHandle file)
    {
        var buffer = new byte[32];
        var read = RandomAccess.Read(file, buffer, 0);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static void Write(SafeFileHandle file, string text)
    {
        RandomAccess.SetLength(file, 0);
        RandomAccess.Write(file, Encoding.ASCII.GetBytes(text), 0);
    }

    public void Dispose()
    {
        foreach (var lease in leases) lease.Dispose();
    }
}
