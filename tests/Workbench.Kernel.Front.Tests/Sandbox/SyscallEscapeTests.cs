using System.Runtime.InteropServices;
using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Sandbox;

/// <summary>
/// A cell calls the kernel directly (libc's <c>syscall</c> through P/Invoke, which no policy of the session stops) for
/// each class of system call the worker's seccomp filter refuses, in the real sandbox. The arguments are chosen so that
/// without the filter most calls would answer something else (EINVAL, EBADF, EFAULT, success), so the errno is the filter's.
/// </summary>
[Collection(SandboxedKernel.Name)]
public sealed class SyscallEscapeTests(SandboxedKernelFixture fixture)
{
    private const int Eperm = 1, Enosys = 38;

    internal static string Call(long number, params long[] args)
    {
        var a = args.Concat(Enumerable.Repeat(0L, 6)).Take(6).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return "class Sys { [System.Runtime.InteropServices.DllImport(\"libc\", SetLastError = true)] "
            + "public static extern long syscall(long n, long a, long b, long c, long d, long e, long f); }\n"
            + $"var r = Sys.syscall({number}, {string.Join(", ", a)});\n"
            + "r == -1 ? \"errno \" + System.Runtime.InteropServices.Marshal.GetLastPInvokeError() : \"returned \" + r";
    }

    // x86-64 numbers (arch/x86/entry/syscalls/syscall_64.tbl).
    [Theory]
    [InlineData("unshare(CLONE_NEWUSER)", 272, new long[] { 0x10000000 }, Eperm)]
    [InlineData("unshare(CLONE_NEWNS)", 272, new long[] { 0x00020000 }, Eperm)]
    [InlineData("unshare(CLONE_NEWNET)", 272, new long[] { 0x40000000 }, Eperm)]
    [InlineData("clone(CLONE_NEWUSER | CLONE_FS), EINVAL unfiltered", 56, new long[] { 0x10000000 | 0x200 }, Eperm)]
    [InlineData("clone(CLONE_NEWPID | CLONE_THREAD), EINVAL unfiltered", 56, new long[] { 0x20000000 | 0x10000 }, Eperm)]
    [InlineData("clone3 (flags unreadable by a filter)", 435, new long[] { 0, 0 }, Enosys)]
    [InlineData("setns(-1), EBADF unfiltered", 308, new long[] { -1, 0 }, Eperm)]
    [InlineData("mount(NULL...), EFAULT unfiltered", 165, new long[] { 0, 0, 0, 0, 0 }, Eperm)]
    [InlineData("umount2", 166, new long[] { 0, 0 }, Eperm)]
    [InlineData("pivot_root", 155, new long[] { 0, 0 }, Eperm)]
    [InlineData("chroot", 161, new long[] { 0 }, Eperm)]
    [InlineData("open_tree(-1, NULL), EFAULT unfiltered", 428, new long[] { -1, 0, 0 }, Eperm)]
    [InlineData("move_mount", 429, new long[] { -1, 0, -1, 0, 0 }, Eperm)]
    [InlineData("fsopen", 430, new long[] { 0, 0 }, Eperm)]
    [InlineData("fsmount", 432, new long[] { -1, 0, 0 }, Eperm)]
    [InlineData("mount_setattr", 442, new long[] { -1, 0, 0, 0, 0 }, Eperm)]
    [InlineData("open_by_handle_at, EBADF unfiltered", 304, new long[] { -1, 0, 0 }, Eperm)]
    [InlineData("bpf", 321, new long[] { 0, 0, 0 }, Eperm)]
    [InlineData("perf_event_open(NULL), EFAULT unfiltered", 298, new long[] { 0, 0, -1, -1, 0 }, Eperm)]
    [InlineData("keyctl(KEYCTL_GET_KEYRING_ID, session), succeeds unfiltered", 250, new long[] { 0, -3, 0 }, Eperm)]
    [InlineData("add_key(NULL), EFAULT unfiltered", 248, new long[] { 0, 0, 0, 0, 0 }, Eperm)]
    [InlineData("request_key(NULL), EFAULT unfiltered", 249, new long[] { 0, 0, 0, 0 }, Eperm)]
    [InlineData("userfaultfd(UFFD_USER_MODE_ONLY), succeeds unfiltered", 323, new long[] { 1 }, Eperm)]
    [InlineData("process_vm_readv(1, no iov), succeeds unfiltered", 310, new long[] { 1, 0, 0, 0, 0, 0 }, Eperm)]
    [InlineData("process_vm_writev(1, no iov), succeeds unfiltered", 311, new long[] { 1, 0, 0, 0, 0, 0 }, Eperm)]
    [InlineData("ptrace(PTRACE_ATTACH, 1)", 101, new long[] { 16, 1 }, Eperm)]
    [InlineData("kexec_load", 246, new long[] { 0, 0, 0, 0 }, Eperm)]
    [InlineData("kexec_file_load", 320, new long[] { -1, -1, 0, 0, 0 }, Eperm)]
    [InlineData("init_module", 175, new long[] { 0, 0, 0 }, Eperm)]
    [InlineData("finit_module(-1)", 313, new long[] { -1, 0, 0 }, Eperm)]
    [InlineData("io_uring_setup(1, NULL), EFAULT unfiltered", 425, new long[] { 1, 0 }, Eperm)]
    [InlineData("io_uring_enter(-1), EBADF unfiltered", 426, new long[] { -1, 0, 0, 0, 0, 0 }, Eperm)]
    [InlineData("io_uring_register(-1), EBADF unfiltered", 427, new long[] { -1, 0, 0, 0 }, Eperm)]
    [InlineData("socket(AF_INET), works unfiltered", 41, new long[] { 2, 1, 0 }, Eperm)]
    [InlineData("socket(AF_NETLINK), works unfiltered", 41, new long[] { 16, 3, 0 }, Eperm)]
    [InlineData("a call newer than the review (467, open_tree_attr in Linux 6.15)", 467, new long[] { -1, 0, 0, 0, 0 }, Enosys)]
    [InlineData("an unassigned number (400)", 400, new long[0], Enosys)]
    public void Syscall_OutsideWhatACellNeeds_RefusedByTheFilter(string call, long number, long[] args, int errno)
    {
        // The numbers are x86-64's (arm64's filter is the same list under the generic numbers).
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) return;

        var run = fixture.Client.Execute(Call(number, args), SandboxedKernelFixture.Cell);

        Assert.True(run.Result == $"errno {errno}", $"{call}: {run.Result} {run.ErrorName} {run.ErrorValue}");
    }

    [Fact]
    public void Syscall_WhatTheRuntimeNeeds_StillWorks()
    {
        var run = fixture.Client.Execute("""
            var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() => Thread.Sleep(10))).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            var sum = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => i)));
            $"{threads.Count} threads, {sum.Sum()}, {System.IO.File.ReadAllText("/proc/self/comm").Trim()}"
            """, SandboxedKernelFixture.Cell);

        Assert.Equal("4 threads, 28, dotnet", run.Result);
    }
}
