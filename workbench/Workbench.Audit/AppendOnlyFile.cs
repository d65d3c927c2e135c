using System.Runtime.InteropServices;

namespace Workbench.Audit;

/// <summary>Whether the kernel holds a file to appending, and why (not).</summary>
/// <param name="Held">The file carries the append-only attribute: no process without CAP_LINUX_IMMUTABLE can truncate,
/// overwrite, rename or delete it, whatever its owner and mode.</param>
/// <param name="Description">A sentence for the operator.</param>
public sealed record AppendOnlyStatus(bool Held, string Description);

/// <summary>
/// A file opened only with <c>O_APPEND</c> and, on Linux, the file-system append-only attribute (<c>chattr +a</c>,
/// <c>FS_APPEND_FL</c>). .NET's <see cref="FileMode.Append"/> seeks rather than opening with <c>O_APPEND</c>, which the
/// kernel refuses on an append-only file, hence the direct system calls.
/// </summary>
public static partial class AppendOnlyFile
{
    private const int OWronly = 0x1, OCreat = 0x40, OAppend = 0x400, OCloexec = 0x80000, ORdonly = 0;
    private const int AppendFlag = 0x20; // FS_APPEND_FL
    private const int EPerm = 1, EAcces = 13, ENotty = 25, EOpNotSupp = 95;
    private static readonly nuint GetFlags = 0x80086601; // FS_IOC_GETFLAGS (_IOR('f', 1, long))
    private static readonly nuint SetFlags = 0x40086602; // FS_IOC_SETFLAGS (_IOW('f', 2, long))

    /// <summary>Appends <paramref name="bytes"/> in one write and flushes them to disk; creates the file owner-only (0600).</summary>
    public static void Append(string path, ReadOnlySpan<byte> bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
            using var stream = new FileStream(path, options);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            return;
        }
        var fd = Open(path, OWronly | OCreat | OAppend | OCloexec, 0b110_000_000);
        if (fd < 0) throw Failure("open", path, Marshal.GetLastPInvokeError());
        try
        {
            // One write(2) on an O_APPEND descriptor lands whole at the end, even with concurrent writers.
            var written = Write(fd, bytes, bytes.Length);
            if (written != bytes.Length) throw Failure("write", path, written < 0 ? Marshal.GetLastPInvokeError() : 0);
            if (Fsync(fd) != 0) throw Failure("fsync", path, Marshal.GetLastPInvokeError());
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Sets the append-only attribute if it is not set yet, and says whether it now holds.</summary>
    public static AppendOnlyStatus Seal(string path) => Change(path, set: true);

    /// <summary>Whether the append-only attribute holds, without changing it.</summary>
    public static AppendOnlyStatus Status(string path) => Change(path, set: null);

    /// <summary>
    /// Removes the attribute, for tearing down test and demo directories. Works only with CAP_LINUX_IMMUTABLE, as
    /// <c>chattr -a</c> does: the server's own (unprivileged) account cannot do it.
    /// </summary>
    public static AppendOnlyStatus Unseal(string path) => Change(path, set: false);

    private static AppendOnlyStatus Change(string path, bool? set)
    {
        if (!OperatingSystem.IsLinux()) return new(false, "not append-only: the append-only attribute exists on Linux only");
        if (!File.Exists(path)) return new(false, $"not append-only: {path} does not exist");
        var fd = Open(path, ORdonly | OCloexec, 0);
        if (fd < 0) return new(false, $"not append-only: {path} cannot be opened (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            var flags = 0;
            if (Ioctl(fd, GetFlags, ref flags) != 0) return Unsupported(Marshal.GetLastPInvokeError());
            var held = (flags & AppendFlag) != 0;
            if (set is not { } wanted || wanted == held)
            {
                return held ? new(true, "append-only attribute held (chattr +a)") : new(false, "not append-only: the attribute is not set (chattr +a)");
            }
            var changed = wanted ? flags | AppendFlag : flags & ~AppendFlag;
            if (Ioctl(fd, SetFlags, ref changed) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno is EPerm or EAcces
                    ? new(held, $"{(held ? "append-only attribute held" : "not append-only")}: this account may not change the attribute "
                        + "(it needs CAP_LINUX_IMMUTABLE; as root: chattr +a " + path + ")")
                    : Unsupported(errno);
            }
            return wanted ? new(true, "append-only attribute set (chattr +a)") : new(false, "append-only attribute removed");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static AppendOnlyStatus Unsupported(int errno) => errno is ENotty or EOpNotSupp
        ? new(false, "not append-only: the file system has no append-only attribute")
        : new(false, $"not append-only: the attribute cannot be read (errno {errno})");

    private static IOException Failure(string call, string path, int errno) =>
        new($"{call} of the append-only file {path} failed (errno {errno})");

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, ref int flags);
}
