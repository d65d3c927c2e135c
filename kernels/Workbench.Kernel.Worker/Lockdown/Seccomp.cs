using System.Runtime.InteropServices;

namespace Workbench.Kernel.Worker.Lockdown;

/// <summary>
/// A seccomp filter the worker installs on all its threads once it is started, connected and warm. Denied by default
/// what a C# session has no use for and what the kernel's attack surface is made of (the classes Docker's and
/// systemd's default profiles refuse), and every system call this list does not know:
/// <list type="bullet">
/// <item>process execution (<c>execve</c>, <c>execveat</c>): no program can be started, <c>dotnet</c> included;</item>
/// <item>namespaces (<c>unshare</c>, <c>setns</c>, <c>clone</c> with any <c>CLONE_NEW*</c> flag; <c>clone3</c>, whose
/// flags a filter cannot read, answers ENOSYS so the C library falls back to <c>clone</c>);</item>
/// <item>mounts (<c>mount</c>, <c>umount2</c>, <c>pivot_root</c>, <c>chroot</c>, the new mount API <c>open_tree</c>,
/// <c>move_mount</c>, <c>fsopen</c>, <c>fsconfig</c>, <c>fsmount</c>, <c>fspick</c>, <c>mount_setattr</c>,
/// <c>statmount</c>, <c>listmount</c>) and file handles (<c>name_to_handle_at</c>, <c>open_by_handle_at</c>);</item>
/// <item>the kernel's programmable and debugging interfaces: <c>bpf</c>, <c>perf_event_open</c>, <c>userfaultfd</c>,
/// <c>ptrace</c>, <c>process_vm_readv</c>/<c>writev</c>, <c>kcmp</c>, io_uring (all three calls: it bypasses this
/// filter for the operations it runs), the key rings (<c>keyctl</c>, <c>add_key</c>, <c>request_key</c>);</item>
/// <item>the machine's: modules, <c>kexec_*</c>, <c>reboot</c>, swap, <c>acct</c>, quotas, clocks, host and domain
/// name, <c>syslog</c>, <c>personality</c>, <c>iopl</c>/<c>ioperm</c>, <c>fanotify_init</c>, and the obsolete calls;</item>
/// <item>sockets other than Unix ones (the network namespace has none either; see <see cref="Install"/>).</item>
/// </list>
/// Denied calls fail with EPERM. A number above the newest call the list was reviewed against (Linux 6.13) or in an
/// architecture's unassigned range fails with ENOSYS, as on a kernel that does not have it, so a call added by a newer
/// kernel is not allowed by default. A call from another architecture's ABI kills the process; x32 calls fail.
/// bubblewrap's own <c>--seccomp</c> cannot do this: its filter would also forbid starting the worker.
/// </summary>
public static partial class Seccomp
{
    private const uint RetAllow = 0x7fff0000;
    private const uint RetErrno = 0x00050000;
    private const uint Eperm = 1, Enosys = 38;
    private const uint RetKillProcess = 0x80000000;
    private const ushort LdAbs = 0x20, JeqK = 0x15, JgtK = 0x25, JgeK = 0x35, JsetK = 0x45, Ret = 0x06;
    private const int PrSetNoNewPrivs = 38;
    private const int SeccompSetModeFilter = 1;
    private const int SeccompFilterFlagTsync = 1;
    private const uint AfUnix = 1;

    /// <summary>CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID and NEWNET (clone's low byte is the exit signal).</summary>
    public const uint CloneNamespaceFlags = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;

    /// <summary>The newest system call of the review: everything above it fails with ENOSYS.</summary>
    private const uint NewestKnown = 466;

    /// <summary>System calls by name for one architecture; <see cref="Unassigned"/> is a range no call has.</summary>
    private sealed record Abi(uint AuditArch, long SeccompSyscall, bool HasX32, (uint First, uint Last) Unassigned, IReadOnlyDictionary<string, uint> Calls);

    // x86-64: arch/x86/entry/syscalls/syscall_64.tbl.
    private static readonly Abi X64 = new(0xC000003E, 317, HasX32: true, (336, 423), new Dictionary<string, uint>
    {
        ["execve"] = 59, ["execveat"] = 322, ["clone"] = 56, ["socket"] = 41,
        ["unshare"] = 272, ["setns"] = 308,
        ["mount"] = 165, ["umount2"] = 166, ["pivot_root"] = 155, ["chroot"] = 161, ["name_to_handle_at"] = 303, ["open_by_handle_at"] = 304,
        ["bpf"] = 321, ["perf_event_open"] = 298, ["userfaultfd"] = 323, ["ptrace"] = 101, ["process_vm_readv"] = 310, ["process_vm_writev"] = 311, ["kcmp"] = 312,
        ["keyctl"] = 250, ["add_key"] = 248, ["request_key"] = 249,
        ["init_module"] = 175, ["finit_module"] = 313, ["delete_module"] = 176, ["create_module"] = 174, ["get_kernel_syms"] = 177, ["query_module"] = 178,
        ["kexec_load"] = 246, ["kexec_file_load"] = 320, ["reboot"] = 169, ["swapon"] = 167, ["swapoff"] = 168, ["acct"] = 163,
        ["quotactl"] = 179, ["quotactl_fd"] = 443, ["settimeofday"] = 164, ["clock_settime"] = 227, ["clock_adjtime"] = 305, ["adjtimex"] = 159,
        ["sethostname"] = 170, ["setdomainname"] = 171, ["syslog"] = 103, ["personality"] = 135, ["iopl"] = 172, ["ioperm"] = 173,
        ["modify_ldt"] = 154, ["fanotify_init"] = 300, ["lookup_dcookie"] = 212, ["vhangup"] = 153,
        ["uselib"] = 134, ["ustat"] = 136, ["sysfs"] = 139, ["_sysctl"] = 156, ["nfsservctl"] = 180,
    });

    // arm64: the generic table, include/uapi/asm-generic/unistd.h.
    private static readonly Abi Arm64 = new(0xC00000B7, 277, HasX32: false, (295, 423), new Dictionary<string, uint>
    {
        ["execve"] = 221, ["execveat"] = 281, ["clone"] = 220, ["socket"] = 198,
        ["unshare"] = 97, ["setns"] = 268,
        ["mount"] = 40, ["umount2"] = 39, ["pivot_root"] = 41, ["chroot"] = 51, ["name_to_handle_at"] = 264, ["open_by_handle_at"] = 265,
        ["bpf"] = 280, ["perf_event_open"] = 241, ["userfaultfd"] = 282, ["ptrace"] = 117, ["process_vm_readv"] = 270, ["process_vm_writev"] = 271, ["kcmp"] = 272,
        ["keyctl"] = 219, ["add_key"] = 217, ["request_key"] = 218,
        ["init_module"] = 105, ["finit_module"] = 273, ["delete_module"] = 106,
        ["kexec_load"] = 104, ["kexec_file_load"] = 294, ["reboot"] = 142, ["swapon"] = 224, ["swapoff"] = 225, ["acct"] = 89,
        ["quotactl"] = 60, ["quotactl_fd"] = 443, ["settimeofday"] = 170, ["clock_settime"] = 112, ["clock_adjtime"] = 266, ["adjtimex"] = 171,
        ["sethostname"] = 161, ["setdomainname"] = 162, ["syslog"] = 116, ["personality"] = 92,
        ["fanotify_init"] = 262, ["lookup_dcookie"] = 18, ["vhangup"] = 58,
    });

    // The same numbers on both: the calls added since the tables were unified (Linux 5.1).
    private static readonly Dictionary<string, uint> Unified = new()
    {
        ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427,
        ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430, ["fsconfig"] = 431, ["fsmount"] = 432, ["fspick"] = 433,
        ["mount_setattr"] = 442, ["statmount"] = 457, ["listmount"] = 458,
    };

    private const uint Clone3 = 435;

    /// <summary>The calls that fail with EPERM (besides <c>clone</c> with namespace flags and non-Unix sockets).</summary>
    public static IReadOnlyList<string> Denied { get; } =
    [
        "execve", "execveat", "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "name_to_handle_at", "open_by_handle_at",
        "bpf", "perf_event_open", "userfaultfd", "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "keyctl", "add_key", "request_key",
        "init_module", "finit_module", "delete_module", "create_module", "get_kernel_syms", "query_module", "kexec_load", "kexec_file_load",
        "reboot", "swapon", "swapoff", "acct", "quotactl", "quotactl_fd", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
        "sethostname", "setdomainname", "syslog", "personality", "iopl", "ioperm", "modify_ldt", "fanotify_init", "lookup_dcookie", "vhangup",
        "uselib", "ustat", "sysfs", "_sysctl", "nfsservctl",
        "io_uring_setup", "io_uring_enter", "io_uring_register", "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick",
        "mount_setattr", "statmount", "listmount",
    ];

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
    /// <param name="networkRules">
    /// false leaves sockets of every family allowed. Only for the test that proves the network namespace holds by itself
    /// (the front passes it to the worker only from a test's <c>SandboxOptions</c>; no command line or setting reaches it).
    /// </param>
    public static unsafe void Install(bool networkRules = true)
    {
        var abi = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => X64,
            Architecture.Arm64 => Arm64,
            var other => throw new PlatformNotSupportedException($"no seccomp filter for {other}"),
        };
        var program = Program(abi, networkRules);
        if (Prctl(PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
            throw new InvalidOperationException($"prctl(PR_SET_NO_NEW_PRIVS) failed: errno {Marshal.GetLastPInvokeError()}");
        fixed (SockFilter* filter = program)
        {
            var fprog = new SockFprog { Length = (ushort)program.Length, Filter = filter };
            if (Syscall(abi.SeccompSyscall, SeccompSetModeFilter, SeccompFilterFlagTsync, &fprog) != 0)
                throw new InvalidOperationException($"seccomp(SECCOMP_SET_MODE_FILTER, TSYNC) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static SockFilter[] Program(Abi abi, bool networkRules)
    {
        // seccomp_data: nr at 0, arch at 4, args[0] at 16 (its low half, little-endian). Jumps name their targets;
        // the offsets (from the next instruction) are filled in once every label's place is known.
        var code = new List<(ushort Op, uint K, string? True, string? False)>();
        var labels = new Dictionary<string, int>();
        void Emit(ushort op, uint k, string? onTrue = null, string? onFalse = null) => code.Add((op, k, onTrue, onFalse));
        void Label(string name) => labels[name] = code.Count;
        uint Number(string name) => abi.Calls.TryGetValue(name, out var n) ? n : Unified[name];

        Emit(LdAbs, 4);
        Emit(JeqK, abi.AuditArch, null, "kill");
        Emit(LdAbs, 0);
        // x32 system calls on x86-64 carry bit 30; arm64 has no such ABI.
        if (abi.HasX32) Emit(JgeK, 0x40000000u, "eperm");
        foreach (var name in Denied.Where(n => abi.Calls.ContainsKey(n) || Unified.ContainsKey(n)))
            Emit(JeqK, Number(name), "eperm");
        Emit(JeqK, Clone3, "enosys");
        Emit(JgtK, NewestKnown, "enosys");
        Emit(JgtK, abi.Unassigned.Last, "allowed-number");
        Emit(JgeK, abi.Unassigned.First, "enosys");
        Label("allowed-number");
        Emit(JeqK, abi.Calls["clone"], "clone");
        if (networkRules) Emit(JeqK, abi.Calls["socket"], "socket");
        Emit(Ret, RetAllow);
        Label("clone");
        Emit(LdAbs, 16);
        Emit(JsetK, CloneNamespaceFlags, "eperm", "allow");
        Label("socket");
        Emit(LdAbs, 16);
        Emit(JeqK, AfUnix, "allow", "eperm");
        Label("allow");
        Emit(Ret, RetAllow);
        Label("eperm");
        Emit(Ret, RetErrno | Eperm);
        Label("enosys");
        Emit(Ret, RetErrno | Enosys);
        Label("kill");
        Emit(Ret, RetKillProcess);

        byte Offset(string? target, int at)
        {
            if (target is null) return 0;
            var offset = labels[target] - at - 1;
            return offset is >= 0 and <= byte.MaxValue ? (byte)offset : throw new InvalidOperationException($"seccomp jump to {target} out of range");
        }
        return [.. code.Select((c, i) => new SockFilter(c.Op, Offset(c.True, i), Offset(c.False, i), c.K))];
    }

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static unsafe partial long Syscall(long number, long operation, long flags, SockFprog* program);
}
