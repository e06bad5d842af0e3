package osbox.kernel.core.calls;

import java.util.List;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelSyscall;

/**
 * The kernel's own system calls by Linux riscv64 number (xv6's
 * {@code syscalls[]}): the kernel installs each in its table when it is
 * built. Other bundles add theirs through the whiteboard.
 */
public final class KernelCalls {
    /** One call: its number, its name (traces, logs) and what runs it. */
    public record Entry(int number, String name, KernelSyscall call) {
    }

    private KernelCalls() {
    }

    /** Every call the kernel implements itself, in number order; fresh handlers on each call. */
    public static List<Entry> all() {
        return List.of(
                new Entry(Syscalls.DUP, "dup", new DupCall()),
                new Entry(Syscalls.DUP3, "dup3", new Dup3Call()),
                new Entry(Syscalls.FCNTL, "fcntl", new FcntlCall()),
                new Entry(Syscalls.IOCTL, "ioctl", new IoctlCall()),
                new Entry(Syscalls.CLOSE, "close", new CloseCall()),
                new Entry(Syscalls.PIPE2, "pipe2", new Pipe2Call()),
                new Entry(Syscalls.LSEEK, "lseek", new LseekCall()),
                new Entry(Syscalls.READ, "read", new ReadCall()),
                new Entry(Syscalls.WRITE, "write", new WriteCall()),
                new Entry(Syscalls.READV, "readv", new ReadvCall()),
                new Entry(Syscalls.WRITEV, "writev", new WritevCall()),
                new Entry(Syscalls.FSTAT, "fstat", new FstatCall()),
                new Entry(Syscalls.EXIT, "exit", new ExitCall()),
                new Entry(Syscalls.EXIT_GROUP, "exit_group", new ExitGroupCall()),
                new Entry(Syscalls.SET_TID_ADDRESS, "set_tid_address", new SetTidAddressCall()),
                new Entry(Syscalls.NANOSLEEP, "nanosleep", new NanosleepCall()),
                new Entry(Syscalls.SCHED_YIELD, "sched_yield", new SchedYieldCall()),
                new Entry(Syscalls.KILL, "kill", new KillCall()),
                new Entry(Syscalls.TKILL, "tkill", new TkillCall()),
                new Entry(Syscalls.TGKILL, "tgkill", new TgkillCall()),
                new Entry(Syscalls.SETPGID, "setpgid", new SetpgidCall()),
                new Entry(Syscalls.GETPGID, "getpgid", new GetpgidCall()),
                new Entry(Syscalls.GETSID, "getsid", new GetsidCall()),
                new Entry(Syscalls.SETSID, "setsid", new SetsidCall()),
                new Entry(Syscalls.GETRLIMIT, "getrlimit", new GetrlimitCall()),
                new Entry(Syscalls.SETRLIMIT, "setrlimit", new SetrlimitCall()),
                new Entry(Syscalls.GETPID, "getpid", new GetpidCall()),
                new Entry(Syscalls.GETPPID, "getppid", new GetppidCall()),
                new Entry(Syscalls.GETTID, "gettid", new GettidCall()),
                new Entry(Syscalls.BRK, "brk", new BrkCall()),
                new Entry(Syscalls.MUNMAP, "munmap", new MunmapCall()),
                new Entry(Syscalls.CLONE, "clone", new CloneCall()),
                new Entry(Syscalls.EXECVE, "execve", new ExecveCall()),
                new Entry(Syscalls.MMAP, "mmap", new MmapCall()),
                new Entry(Syscalls.MPROTECT, "mprotect", new MprotectCall()),
                new Entry(Syscalls.WAIT4, "wait4", new Wait4Call()),
                new Entry(Syscalls.PRLIMIT64, "prlimit64", new Prlimit64Call()));
    }
}
