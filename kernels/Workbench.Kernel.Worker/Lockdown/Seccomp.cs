using System.Runtime.InteropServices;

namespace Workbench.Kernel.Worker.Lockdown;

/// <summary>
/// A seccomp filter the worker installs on all its threads once it is started and connected: from then on no
/// process can be executed (<c>execve</c>, <c>execveat</c>), no socket but a Unix one opened, nothing traced and no
/// io_uring set up; those calls fail with EPERM. A syscall from another architecture ABI kills the process.
/// bubblewrap's own <c>--seccomp</c> cannot do this: its filter would also forbid starting the worker.
/// </summary>
public static partial class Seccomp
{
    private const uint RetAllow = 0x7fff0000;
    private const uint RetErrnoEperm = 0x00050000 | 1;
    private const uint RetKillProcess = 0x80000000;
    private const ushort LdAbs = 0x20, JeqK = 0x15, JgeK = 0x35, Ret = 0x06;
    private const int PrSetNoNewPrivs = 38;
    private const int SeccompSetModeFilter = 1;
    private const int SeccompFilterFlagTsync = 1;
    private const uint AfUnix = 1;

    private sealed record Abi(uint AuditArch, long SeccompSyscall, uint Execve, uint Execveat, uint Ptrace, uint IoUringSetup, uint Socket, bool HasX32);

    private static readonly Abi X64 = new(0xC000003E, 317, 59, 322, 101, 425, 41, HasX32: true);
    private static readonly Abi Arm64 = new(0xC00000B7, 277, 221, 281, 117, 425, 198, HasX32: false);

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFilter(ushort code, byte jt, byte jf, uint k)
    {
        public ushort Code = code;
        public byte Jt = jt;
        public byte Jf = jf;
        public uint K = k;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct SockFprog
    {
        public ushort Length;
        public SockFilter* Filter;
    }

    /// <summary>Installs the filter on every thread of this process; throws when the kernel refuses it.</summary>
    public static unsafe void Install()
    {
        var abi = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => X64,
            Architecture.Arm64 => Arm64,
            var other => throw new PlatformNotSupportedException($"no seccomp filter for {other}"),
        };
        var program = Program(abi);
        if (Prctl(PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
            throw new InvalidOperationException($"prctl(PR_SET_NO_NEW_PRIVS) failed: errno {Marshal.GetLastPInvokeError()}");
        fixed (SockFilter* filter = program)
        {
            var fprog = new SockFprog { Length = (ushort)program.Length, Filter = filter };
            if (Syscall(abi.SeccompSyscall, SeccompSetModeFilter, SeccompFilterFlagTsync, &fprog) != 0)
                throw new InvalidOperationException($"seccomp(SECCOMP_SET_MODE_FILTER, TSYNC) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static SockFilter[] Program(Abi abi)
    {
        // seccomp_data: nr at 0, arch at 4, args[0] at 16. Jump offsets count from the next instruction.
        const byte allow = 11, errno = 12, kill = 13;
        SockFilter Jump(ushort op, uint k, int at, byte jt, byte jf) => new(op, (byte)(jt == 0 ? 0 : jt - at - 1), (byte)(jf == 0 ? 0 : jf - at - 1), k);
        return
        [
            new(LdAbs, 0, 0, 4),
            Jump(JeqK, abi.AuditArch, 1, 0, kill),
            new(LdAbs, 0, 0, 0),
            // x32 system calls on x86-64 carry bit 30; arm64 has no such ABI (0xFFFFFFFF never matches a number).
            Jump(JgeK, abi.HasX32 ? 0x40000000u : 0xFFFFFFFFu, 3, errno, 0),
            Jump(JeqK, abi.Execve, 4, errno, 0),
            Jump(JeqK, abi.Execveat, 5, errno, 0),
            Jump(JeqK, abi.Ptrace, 6, errno, 0),
            Jump(JeqK, abi.IoUringSetup, 7, errno, 0),
            Jump(JeqK, abi.Socket, 8, 0, allow),
            new(LdAbs, 0, 0, 16),
            Jump(JeqK, AfUnix, 10, allow, errno),
            new(Ret, 0, 0, RetAllow),
            new(Ret, 0, 0, RetErrnoEperm),
            new(Ret, 0, 0, RetKillProcess),
        ];
    }

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static unsafe partial long Syscall(long number, long operation, long flags, SockFprog* program);
}
