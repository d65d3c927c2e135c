using Microsoft.Win32.SafeHandles;
using Workbench.Kernel.Front.Hosting;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>
/// The one temporary directory of a kernel (<c>workbench-front-*</c>, 0711, the front's): its copy of the project's
/// view and each worker's private directory (socket, the view linked in read-only) are made inside it, so that they do
/// not outlive the kernel. It is deleted when the kernel shuts down; a front that was killed cannot, so every front
/// deletes at its start the directories of fronts that are gone. A live front holds an exclusive flock on the
/// directory's <c>lease</c> for its whole life (the kernel drops it with the process), which is how a gone one is told
/// from a live one.
/// </summary>
internal sealed class KernelFiles : IDisposable
{
    public const string Prefix = "workbench-front-";
    private const string LeaseName = "lease";
    private static readonly Lock Gate = new();
    private static KernelFiles? current;
    private readonly SafeFileHandle lease;

    private KernelFiles(string path, SafeFileHandle lease)
    {
        Path = path;
        this.lease = lease;
    }

    public string Path { get; }

    /// <summary>This process's directory, made (after removing gone fronts' directories) on first use.</summary>
    public static KernelFiles Current
    {
        get
        {
            lock (Gate) return current ??= Create(System.IO.Path.GetTempPath(), null);
        }
    }

    /// <summary>Removes gone fronts' directories and makes this front's; called first thing by the front.</summary>
    public static KernelFiles Open(KernelLog log)
    {
        lock (Gate) return current ??= Create(System.IO.Path.GetTempPath(), log);
    }

    /// <summary>A new private directory (0700) inside the kernel's.</summary>
    public string CreateDirectory(string prefix)
    {
        var directory = System.IO.Path.Combine(Path, prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }

    private static KernelFiles Create(string temp, KernelLog? log)
    {
        foreach (var removed in RemoveGone(temp)) log?.Info($"removed {removed}: left by a kernel that is gone");
        var path = Directory.CreateTempSubdirectory(Prefix).FullName;
        // 0711: a worker's uid (when the front is root) passes through to its own directory, which keeps out every
        // other uid; nobody but the front can list or read this one.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        // Locked before it has its name: a sweeping front never finds an unlocked lease of a live front.
        var staged = System.IO.Path.Combine(path, LeaseName + ".new");
        var handle = File.OpenHandle(staged, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite);
        if (!Posix.TryLock(handle, exclusive: true)) throw new IOException($"cannot lock {staged}");
        File.Move(staged, System.IO.Path.Combine(path, LeaseName));
        log?.Info($"kernel files in {path} (removed at shutdown)");
        return new KernelFiles(path, handle);
    }

    /// <summary>Deletes the directories of fronts that are gone (their lease can be locked); returns them.</summary>
    internal static IReadOnlyList<string> RemoveGone(string temp)
    {
        var removed = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(temp, Prefix + "*"))
        {
            // Never follow a link someone else put in a shared /tmp; without a lease it is not a front's (yet).
            if (new DirectoryInfo(directory).LinkTarget is not null) continue;
            var leaseFile = System.IO.Path.Combine(directory, LeaseName);
            try
            {
                using var handle = File.OpenHandle(leaseFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                if (!Posix.TryLock(handle, exclusive: true)) continue;
                Directory.Delete(directory, recursive: true);
                removed.Add(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, a live front's (locked on open), or just removed by another front.
            }
        }
        return removed;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { /* the next front's start removes it */ }
        catch (UnauthorizedAccessException) { }
        lease.Dispose();
    }

    /// <summary>Deletes this process's directory (at shutdown).</summary>
    public static void DisposeCurrent()
    {
        lock (Gate)
        {
            current?.Dispose();
            current = null;
        }
    }
}
