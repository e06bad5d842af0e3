package osbox.kernel.core.calls;

import java.util.List;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallStatus;

/**
 * The kernel's own system calls by Linux riscv64 number (xv6's
 * {@code syscalls[]}): the kernel installs each in its table when it is
 * built. Other bundles add theirs through the whiteboard.
 */
public final class KernelCalls {
    /** One call: its number, its name (traces, logs), what runs it and how complete it is (docs/syscalls.md). */
    public record Entry(int number, String name, KernelSyscall call, SyscallStatus status) {
        /** A call whose status is not declared yet (docs/syscalls.md says "undeclared"). */
        public Entry(int number, String name, KernelSyscall call) {
            this(number, name, call, SyscallStatus.UNDECLARED);
        }
    }

    // getrlimit, setrlimit and prlimit64 share the limits and what osbox enforces of them
    private static final SyscallStatus RLIMITS = SyscallStatus.partial("every resource is kept and checked as Linux"
            + " does; only RLIMIT_AS, RLIMIT_CPU, RLIMIT_NOFILE, RLIMIT_NPROC and RLIMIT_STACK are enforced");

    private KernelCalls() {
    }

    /** Every call the kernel implements itself, in number order; fresh handlers on each call. */
    public static List<Entry> all() {
        return List.of(
                new Entry(Syscalls.DUP, "dup", new DupCall(), SyscallStatus.full()),
                new Entry(Syscalls.DUP3, "dup3", new Dup3Call(), SyscallStatus.full()),
                new Entry(Syscalls.FCNTL, "fcntl", new FcntlCall(), SyscallStatus.partial(
                        "only F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL; F_GETFL answers "
                        + "O_RDWR for every file and F_SETFL changes nothing (O_NONBLOCK, O_APPEND); locks, "
                        + "F_GETPIPE_SZ, F_SETOWN and the rest answer EINVAL")),
                new Entry(Syscalls.IOCTL, "ioctl", new IoctlCall(), SyscallStatus.partial(
                        "passed to the open file: the console answers the terminal's requests (TCGETS, TCSETS, "
                        + "TCSETSW, TCSETSF, TIOCGWINSZ, TIOCSWINSZ, TIOCGPGRP, TIOCSPGRP, TIOCSCTTY, TIOCNOTTY, "
                        + "TIOCGSID, FIONREAD, TCFLSH, TCXONC, TCSBRK) when osbox runs on a terminal, ENOTTY over a "
                        + "pipe or file; generic requests (FIONBIO, FIOCLEX) and every other file answer ENOTTY")),
                new Entry(Syscalls.CLOSE, "close", new CloseCall(), SyscallStatus.full()),
                new Entry(Syscalls.PIPE2, "pipe2", new Pipe2Call(), SyscallStatus.partial(
                        "O_DIRECT (packet mode) and O_NOTIFICATION_PIPE answer EINVAL")),
                new Entry(Syscalls.LSEEK, "lseek", new LseekCall(), SyscallStatus.partial(
                        "the open file moves its offset (streams: ESPIPE); SEEK_DATA and SEEK_HOLE not checked")),
                new Entry(Syscalls.READ, "read", new ReadCall(), SyscallStatus.full()),
                new Entry(Syscalls.WRITE, "write", new WriteCall(), SyscallStatus.full()),
                new Entry(Syscalls.READV, "readv", new ReadvCall(), SyscallStatus.full()),
                new Entry(Syscalls.WRITEV, "writev", new WritevCall(), SyscallStatus.full()),
                new Entry(Syscalls.FSTAT, "fstat", new FstatCall(), SyscallStatus.partial(
                        "st_dev is one constant, st_nlink 1, st_uid and st_gid 0, st_blocks and the three times 0")),
                new Entry(Syscalls.EXIT, "exit", new ExitCall(), SyscallStatus.partial(
                        "ends the whole process (one thread per process)")),
                new Entry(Syscalls.EXIT_GROUP, "exit_group", new ExitGroupCall(), SyscallStatus.full()),
                new Entry(Syscalls.SET_TID_ADDRESS, "set_tid_address", new SetTidAddressCall(), SyscallStatus.partial(
                        "the address is remembered, but nothing clears it or wakes a futex at exit (no threads)")),
                new Entry(Syscalls.SET_ROBUST_LIST, "set_robust_list", new SetRobustListCall(), SyscallStatus.partial(
                        "the list is remembered, but nothing walks it at exit (no futexes)")),
                new Entry(Syscalls.NANOSLEEP, "nanosleep", new NanosleepCall(), SyscallStatus.partial(
                        "signals do not interrupt the sleep, so rem is never written")),
                new Entry(Syscalls.SCHED_YIELD, "sched_yield", new SchedYieldCall(), SyscallStatus.full()),
                new Entry(Syscalls.KILL, "kill", new KillCall(), SyscallStatus.partial(
                        "signals take their default action (no handlers)")),
                new Entry(Syscalls.TKILL, "tkill", new TkillCall(), SyscallStatus.partial(
                        "one thread per process: the tid is the pid; signals take their default action")),
                new Entry(Syscalls.TGKILL, "tgkill", new TgkillCall(), SyscallStatus.partial(
                        "one thread per process: tgid must equal tid; signals take their default action")),
                new Entry(Syscalls.SETPGID, "setpgid", new SetpgidCall(), SyscallStatus.partial(
                        "EACCES for a child that has called execve is not modelled")),
                new Entry(Syscalls.GETPGID, "getpgid", new GetpgidCall(), SyscallStatus.full()),
                new Entry(Syscalls.GETSID, "getsid", new GetsidCall(), SyscallStatus.full()),
                new Entry(Syscalls.SETSID, "setsid", new SetsidCall(), SyscallStatus.full()),
                new Entry(Syscalls.GETRLIMIT, "getrlimit", new GetrlimitCall(), RLIMITS),
                new Entry(Syscalls.SETRLIMIT, "setrlimit", new SetrlimitCall(), RLIMITS),
                new Entry(Syscalls.UMASK, "umask", new UmaskCall(), SyscallStatus.partial(
                        "kept and inherited at fork; no call creates files yet, so nothing applies it")),
                new Entry(Syscalls.GETPID, "getpid", new GetpidCall(), SyscallStatus.full()),
                new Entry(Syscalls.GETPPID, "getppid", new GetppidCall(), SyscallStatus.full()),
                new Entry(Syscalls.GETTID, "gettid", new GettidCall(), SyscallStatus.full()),
                new Entry(Syscalls.BRK, "brk", new BrkCall(), SyscallStatus.full()),
                new Entry(Syscalls.MUNMAP, "munmap", new MunmapCall(), SyscallStatus.full()),
                new Entry(Syscalls.CLONE, "clone", new CloneCall(), SyscallStatus.partial(
                        "fork only: flags SIGCHLD, or CLONE_VM|CLONE_VFORK|SIGCHLD run as a plain fork; threads "
                        + "(other CLONE_VM flags) answer ENOSYS, other flags and a new stack EINVAL")),
                new Entry(Syscalls.EXECVE, "execve", new ExecveCall(), SyscallStatus.partial(
                        "programs on the /host mount only; no #! scripts")),
                new Entry(Syscalls.MMAP, "mmap", new MmapCall(), SyscallStatus.partial(
                        "anonymous mappings only (a file mapping answers EBADF); MAP_FIXED_NOREPLACE, "
                        + "MAP_POPULATE, MAP_NORESERVE, MAP_GROWSDOWN and the other flags are ignored")),
                new Entry(Syscalls.MPROTECT, "mprotect", new MprotectCall(), SyscallStatus.partial(
                        "PROT_GROWSDOWN and PROT_GROWSUP answer EINVAL")),
                new Entry(Syscalls.WAIT4, "wait4", new Wait4Call(), SyscallStatus.partial(
                        "rusage is stored as zeros")),
                new Entry(Syscalls.PRLIMIT64, "prlimit64", new Prlimit64Call(), RLIMITS),
                new Entry(Syscalls.RSEQ, "rseq", new RseqCall(), SyscallStatus.enosys(
                        "restartable sequences are not supported; glibc carries on without them")));
    }
}
