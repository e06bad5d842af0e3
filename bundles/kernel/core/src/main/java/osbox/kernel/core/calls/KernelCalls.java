package osbox.kernel.core.calls;

import static osbox.kernel.core.calls.IdCalls.Ids.GROUPS;
import static osbox.kernel.core.calls.IdCalls.Ids.USERS;

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

    // sched_setscheduler and sched_setparam: the class is kept and mapped onto the priority policies read
    private static final SyscallStatus SCHED_CLASS = SyscallStatus.partial("SCHED_FIFO and SCHED_RR of rt_priority p"
            + " give the priority 99 - p, SCHED_OTHER and SCHED_BATCH 120 + nice, SCHED_IDLE 139 (Linux's prio); the"
            + " active policy (e.g. priority) decides what that means, FIFO and RR are not separate run queues");

    // numbers the API's Syscalls does not name (Linux riscv64, asm-generic)
    static final int FCHDIR = 50, SENDFILE = 71, GETITIMER = 102, SETITIMER = 103, RT_SIGSUSPEND = 133, RT_SIGPENDING = 136,
            RT_SIGTIMEDWAIT = 137, RT_SIGRETURN = 139, STATX = 291, FACCESSAT2 = 439;

    private KernelCalls() {
    }

    /** Every call the kernel implements itself, in number order; fresh handlers on each call. */
    public static List<Entry> all() {
        return List.of(
                new Entry(Syscalls.DUP, "dup", new DupCall(), SyscallStatus.full()),
                new Entry(AbiNumbers.IOPRIO_SET, "ioprio_set", IoprioCalls.set(), SyscallStatus.partial(
                        "kept per thread (inherited by fork and clone, kept by execve) and carried by every block "
                        + "I/O; the bfq I/O scheduler weighs it, the others ignore it")),
                new Entry(AbiNumbers.IOPRIO_GET, "ioprio_get", IoprioCalls.get(), SyscallStatus.full()),
                new Entry(Syscalls.DUP3, "dup3", new Dup3Call(), SyscallStatus.full()),
                new Entry(Syscalls.FCNTL, "fcntl", new FcntlCall(), SyscallStatus.partial(
                        "only F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL (O_APPEND and "
                        + "O_NONBLOCK; O_ASYNC, O_DIRECT, O_NOATIME are ignored); locks, F_GETPIPE_SZ, F_SETOWN "
                        + "and the rest answer EINVAL")),
                new Entry(Syscalls.IOCTL, "ioctl", new IoctlCall(), SyscallStatus.partial(
                        "passed to the open file: the console answers the terminal's requests (TCGETS, TCSETS, "
                        + "TCSETSW, TCSETSF, TIOCGWINSZ, TIOCSWINSZ, TIOCGPGRP, TIOCSPGRP, TIOCSCTTY, TIOCNOTTY, "
                        + "TIOCGSID, FIONREAD, TCFLSH, TCXONC, TCSBRK) when osbox runs on a terminal, ENOTTY over a "
                        + "pipe or file; generic requests (FIONBIO, FIOCLEX) and every other file answer ENOTTY")),
                new Entry(Syscalls.CLOSE, "close", new CloseCall(), SyscallStatus.full()),
                new Entry(Syscalls.PIPE2, "pipe2", new Pipe2Call(), SyscallStatus.partial(
                        "O_DIRECT (packet mode) and O_NOTIFICATION_PIPE answer EINVAL")),
                new Entry(Syscalls.LSEEK, "lseek", new LseekCall(), SyscallStatus.partial(
                        "the open file moves its offset (streams: ESPIPE); files have no holes, so SEEK_DATA is the "
                        + "offset and SEEK_HOLE the end")),
                new Entry(Syscalls.READ, "read", new ReadCall(), SyscallStatus.full()),
                new Entry(Syscalls.WRITE, "write", new WriteCall(), SyscallStatus.full()),
                new Entry(Syscalls.READV, "readv", new ReadvCall(), SyscallStatus.full()),
                new Entry(Syscalls.WRITEV, "writev", new WritevCall(), SyscallStatus.full()),
                new Entry(AbiNumbers.PSELECT6, "pselect6", new Pselect6Call(), SyscallStatus.partial(
                        "over pipes, the console, the ipc bundles' files (eventfd, sockets, epoll) and files "
                        + "that never block; no file raises POLLPRI")),
                new Entry(Syscalls.PPOLL, "ppoll", new PpollCall(), SyscallStatus.partial(
                        "over pipes, the console, the ipc bundles' files (eventfd, sockets, epoll) and files "
                        + "that never block")),
                new Entry(Syscalls.FSTAT, "fstat", new FstatCall(), SyscallStatus.partial(
                        "host files report their own attributes (st_blocks from the size); pipes and the "
                        + "terminal report one st_dev, st_nlink 1, st_uid and st_gid 0, and zero times")),
                new Entry(Syscalls.NEWFSTATAT, "newfstatat", new NewfstatatCall(), SyscallStatus.partial(
                        "as fstat: st_blocks is computed from the size, pipes and the terminal have no times")),
                new Entry(STATX, "statx", new StatxCall(), SyscallStatus.partial(
                        "the basic fields only (no birth time, stx_attributes 0); the mask is not narrowed")),
                new Entry(Syscalls.OPENAT, "openat", new OpenatCall(), SyscallStatus.partial(
                        "the namespace is read-only (writes, O_CREAT and O_TRUNC answer EROFS, except on "
                        + "/dev devices); host FIFOs, sockets and devices answer EACCES; O_NONBLOCK and O_APPEND "
                        + "are kept for fcntl F_GETFL (no file opened by path blocks or appends); O_NOATIME, "
                        + "O_SYNC, O_DIRECT are accepted and ignored")),
                new Entry(Syscalls.GETDENTS64, "getdents64", new Getdents64Call(), SyscallStatus.full()),
                new Entry(Syscalls.READLINKAT, "readlinkat", new ReadlinkatCall(), SyscallStatus.full()),
                new Entry(Syscalls.FACCESSAT, "faccessat", new FaccessatCall(false), SyscallStatus.partial(
                        "permissions are checked as for root (osbox's processes run as uid 0)")),
                new Entry(FACCESSAT2, "faccessat2", new FaccessatCall(true), SyscallStatus.partial(
                        "permissions are checked as for root; AT_EACCESS changes nothing")),
                new Entry(Syscalls.GETCWD, "getcwd", new GetcwdCall(), SyscallStatus.full()),
                new Entry(Syscalls.CHDIR, "chdir", new ChdirCall(false), SyscallStatus.partial(
                        "search (execute) permission on the directory is not checked")),
                new Entry(FCHDIR, "fchdir", new ChdirCall(true), SyscallStatus.full()),
                new Entry(Syscalls.PREAD64, "pread64", new PreadCall(false), SyscallStatus.full()),
                new Entry(Syscalls.PWRITE64, "pwrite64", new PreadCall(true), SyscallStatus.partial(
                        "only devices take writes (the namespace is read-only)")),
                new Entry(Syscalls.FSYNC, "fsync", new FsyncCall(), SyscallStatus.partial(
                        "a block device file flushes its disk's write cache and waits; the read-only tree has "
                        + "nothing to write; pipes and character devices answer EINVAL")),
                new Entry(AbiNumbers.FDATASYNC, "fdatasync", new FsyncCall(), SyscallStatus.partial(
                        "as fsync")),
                new Entry(SENDFILE, "sendfile", new SendfileCall(), SyscallStatus.partial("to a pipe it sleeps"
                        + " only while nothing has moved, then sends what fits (Linux waits for all of count)")),
                new Entry(Syscalls.EXIT, "exit", new ExitCall(), SyscallStatus.full()),
                new Entry(Syscalls.EXIT_GROUP, "exit_group", new ExitGroupCall(), SyscallStatus.full()),
                new Entry(Syscalls.SET_TID_ADDRESS, "set_tid_address", new SetTidAddressCall(), SyscallStatus.full()),
                new Entry(Syscalls.FUTEX, "futex", new FutexCall(), SyscallStatus.partial(
                        "FUTEX_WAIT, WAKE, REQUEUE, CMP_REQUEUE, WAIT_BITSET, WAKE_BITSET, LOCK_PI, TRYLOCK_PI and "
                        + "UNLOCK_PI, private and shared, with relative, monotonic and realtime timeouts; FUTEX_WAKE_OP, "
                        + "LOCK_PI2 and the requeue-PI operations answer ENOSYS")),
                new Entry(Syscalls.SET_ROBUST_LIST, "set_robust_list", new SetRobustListCall(), SyscallStatus.full()),
                new Entry(Syscalls.NANOSLEEP, "nanosleep", new NanosleepCall(), SyscallStatus.full()),
                new Entry(GETITIMER, "getitimer", new GetitimerCall(), SyscallStatus.full()),
                new Entry(SETITIMER, "setitimer", new SetitimerCall(), SyscallStatus.partial(
                        "in simulated time; ITIMER_PROF counts user time only (no simulated cycle is spent in the kernel)")),
                new Entry(Syscalls.CLOCK_NANOSLEEP, "clock_nanosleep", new ClockNanosleepCall(), SyscallStatus.partial(
                        "CLOCK_REALTIME, CLOCK_MONOTONIC and CLOCK_BOOTTIME, relative or TIMER_ABSTIME; the process "
                        + "CPU-time clock answers EINVAL")),
                new Entry(AbiNumbers.SCHED_SETPARAM, "sched_setparam", new SchedSetschedulerCall(true), SCHED_CLASS),
                new Entry(AbiNumbers.SCHED_SETSCHEDULER, "sched_setscheduler", new SchedSetschedulerCall(false),
                        SCHED_CLASS),
                new Entry(AbiNumbers.SCHED_GETSCHEDULER, "sched_getscheduler", new SchedGetschedulerCall(),
                        SyscallStatus.full()),
                new Entry(AbiNumbers.SCHED_GETPARAM, "sched_getparam", new SchedGetparamCall(), SyscallStatus.full()),
                new Entry(Syscalls.SCHED_YIELD, "sched_yield", new SchedYieldCall(), SyscallStatus.full()),
                new Entry(AbiNumbers.SCHED_GET_PRIORITY_MAX, "sched_get_priority_max", new SchedPriorityLimitCall(true),
                        SyscallStatus.full()),
                new Entry(AbiNumbers.SCHED_GET_PRIORITY_MIN, "sched_get_priority_min",
                        new SchedPriorityLimitCall(false), SyscallStatus.full()),
                new Entry(Syscalls.KILL, "kill", new KillCall(), SyscallStatus.partial(
                        "no permission checks (every process is the same user's)")),
                new Entry(Syscalls.TKILL, "tkill", new TkillCall(), SyscallStatus.partial(
                        "no permission checks (every process is the same user's)")),
                new Entry(Syscalls.TGKILL, "tgkill", new TgkillCall(), SyscallStatus.partial(
                        "no permission checks (every process is the same user's)")),
                new Entry(Syscalls.SIGALTSTACK, "sigaltstack", new SigaltstackCall(), SyscallStatus.full()),
                new Entry(RT_SIGSUSPEND, "rt_sigsuspend", new RtSigsuspendCall(), SyscallStatus.full()),
                new Entry(Syscalls.RT_SIGACTION, "rt_sigaction", new RtSigactionCall(), SyscallStatus.full()),
                new Entry(Syscalls.RT_SIGPROCMASK, "rt_sigprocmask", new RtSigprocmaskCall(), SyscallStatus.full()),
                new Entry(RT_SIGPENDING, "rt_sigpending", new RtSigpendingCall(), SyscallStatus.full()),
                new Entry(RT_SIGTIMEDWAIT, "rt_sigtimedwait", new RtSigtimedwaitCall(), SyscallStatus.partial(
                        "a signal of the set that is not blocked and whose default action kills is returned "
                        + "rather than killing (Linux kills)")),
                new Entry(RT_SIGRETURN, "rt_sigreturn", new RtSigreturnCall(), SyscallStatus.full()),
                new Entry(AbiNumbers.SETPRIORITY, "setpriority", new SetpriorityCall(), SyscallStatus.partial(
                        "nice is kept per thread and weighed by the cfs policy; a thread of a normal class gets the "
                        + "priority 120 + nice, which the priority policy reads")),
                new Entry(AbiNumbers.GETPRIORITY, "getpriority", new GetpriorityCall(), SyscallStatus.full()),
                new Entry(AbiNumbers.SETREGID, "setregid", IdCalls.setre(GROUPS), SyscallStatus.full()),
                new Entry(AbiNumbers.SETGID, "setgid", IdCalls.set(GROUPS), SyscallStatus.full()),
                new Entry(AbiNumbers.SETREUID, "setreuid", IdCalls.setre(USERS), SyscallStatus.full()),
                new Entry(AbiNumbers.SETUID, "setuid", IdCalls.set(USERS), SyscallStatus.full()),
                new Entry(AbiNumbers.SETRESUID, "setresuid", IdCalls.setres(USERS), SyscallStatus.full()),
                new Entry(Syscalls.GETRESUID, "getresuid", IdCalls.getres(USERS), SyscallStatus.full()),
                new Entry(AbiNumbers.SETRESGID, "setresgid", IdCalls.setres(GROUPS), SyscallStatus.full()),
                new Entry(Syscalls.GETRESGID, "getresgid", IdCalls.getres(GROUPS), SyscallStatus.full()),
                new Entry(AbiNumbers.SETFSUID, "setfsuid", IdCalls.setfs(USERS), SyscallStatus.full()),
                new Entry(AbiNumbers.SETFSGID, "setfsgid", IdCalls.setfs(GROUPS), SyscallStatus.full()),
                new Entry(Syscalls.TIMES, "times", new TimesCall(), SyscallStatus.partial(
                        "all CPU time counts as user time: tms_stime and tms_cstime are 0")),
                new Entry(Syscalls.SETPGID, "setpgid", new SetpgidCall(), SyscallStatus.partial(
                        "EACCES for a child that has called execve is not modelled")),
                new Entry(Syscalls.GETPGID, "getpgid", new GetpgidCall(), SyscallStatus.full()),
                new Entry(Syscalls.GETSID, "getsid", new GetsidCall(), SyscallStatus.full()),
                new Entry(Syscalls.SETSID, "setsid", new SetsidCall(), SyscallStatus.full()),
                new Entry(AbiNumbers.GETGROUPS, "getgroups", IdCalls::getgroups, SyscallStatus.full()),
                new Entry(AbiNumbers.SETGROUPS, "setgroups", IdCalls::setgroups, SyscallStatus.full()),
                new Entry(Syscalls.GETRLIMIT, "getrlimit", new GetrlimitCall(), RLIMITS),
                new Entry(Syscalls.SETRLIMIT, "setrlimit", new SetrlimitCall(), RLIMITS),
                new Entry(AbiNumbers.GETRUSAGE, "getrusage", new GetrusageCall(), SyscallStatus.partial(
                        "CPU time (all user time), peak RSS, faults and context switches; the I/O, IPC and signal "
                        + "counts are 0")),
                new Entry(Syscalls.UMASK, "umask", new UmaskCall(), SyscallStatus.partial(
                        "kept and inherited at fork; no call creates files yet, so nothing applies it")),
                new Entry(Syscalls.PRCTL, "prctl", new PrctlCall(), SyscallStatus.partial(
                        "PR_SET_NAME, PR_GET_NAME, PR_SET_PDEATHSIG, PR_GET_PDEATHSIG, PR_GET_DUMPABLE, "
                        + "PR_SET_DUMPABLE, PR_GET_KEEPCAPS, PR_SET_KEEPCAPS, "
                        + "PR_SET_NO_NEW_PRIVS, PR_GET_NO_NEW_PRIVS; every other option answers EINVAL")),
                new Entry(Syscalls.GETPID, "getpid", new GetpidCall(), SyscallStatus.full()),
                new Entry(Syscalls.GETPPID, "getppid", new GetppidCall(), SyscallStatus.full()),
                new Entry(Syscalls.GETUID, "getuid", IdCalls.get(USERS, IdCalls.REAL), SyscallStatus.full()),
                new Entry(Syscalls.GETEUID, "geteuid", IdCalls.get(USERS, IdCalls.EFFECTIVE), SyscallStatus.full()),
                new Entry(Syscalls.GETGID, "getgid", IdCalls.get(GROUPS, IdCalls.REAL), SyscallStatus.full()),
                new Entry(Syscalls.GETEGID, "getegid", IdCalls.get(GROUPS, IdCalls.EFFECTIVE), SyscallStatus.full()),
                new Entry(Syscalls.GETTID, "gettid", new GettidCall(), SyscallStatus.full()),
                new Entry(Syscalls.SYSINFO, "sysinfo", new SysinfoCall(), SyscallStatus.partial(
                        "the load averages, sharedram and bufferram are 0")),
                new Entry(Syscalls.BRK, "brk", new BrkCall(), SyscallStatus.full()),
                new Entry(Syscalls.MUNMAP, "munmap", new MunmapCall(), SyscallStatus.full()),
                new Entry(Syscalls.CLONE, "clone", new CloneCall(), SyscallStatus.partial(
                        "fork and vfork as glibc calls them (CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD, "
                        + "CLONE_VM|CLONE_VFORK|SIGCHLD): the exit signal, a new stack, CLONE_SETTLS, CLONE_PARENT_SETTID, "
                        + "CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID, CLONE_VFORK (the parent sleeps "
                        + "until the child execs or ends, but the memory is copied even with CLONE_VM); threads as "
                        + "pthread_create makes them (CLONE_VM|FS|FILES|SIGHAND|THREAD together); partial sharing, "
                        + "CLONE_PARENT, CLONE_PIDFD and namespaces answer ENOSYS; a non-SIGCHLD "
                        + "exit signal does not yet make a clone child for wait4's __WCLONE")),
                new Entry(Syscalls.EXECVE, "execve", new ExecveCall(), SyscallStatus.partial(
                        "programs found in the namespace (relative paths from the working directory), ELF and "
                        + "#! scripts; the execute permission bits are not checked")),
                new Entry(Syscalls.MMAP, "mmap", new MmapCall(), SyscallStatus.partial(
                        "anonymous mappings only (a file mapping answers EBADF); MAP_FIXED_NOREPLACE, "
                        + "MAP_POPULATE, MAP_NORESERVE, MAP_GROWSDOWN and the other flags are ignored")),
                new Entry(Syscalls.MPROTECT, "mprotect", new MprotectCall(), SyscallStatus.partial(
                        "PROT_GROWSDOWN and PROT_GROWSUP answer EINVAL")),
                new Entry(Syscalls.MADVISE, "madvise", new MadviseCall(), SyscallStatus.partial(
                        "every advice Linux accepts without KSM, huge pages or shmem changes nothing: "
                        + "MADV_DONTNEED and MADV_FREE keep the pages' contents instead of zero-filling them; "
                        + "MADV_REMOVE, MERGEABLE, HUGEPAGE and the poisoning advice answer EINVAL")),
                new Entry(Syscalls.WAIT4, "wait4", new Wait4Call(), SyscallStatus.partial(
                        "rusage: CPU time (all user time), peak RSS, faults and context switches; the I/O, IPC and "
                        + "signal counts are 0")),
                new Entry(Syscalls.PRLIMIT64, "prlimit64", new Prlimit64Call(), RLIMITS),
                new Entry(AbiNumbers.SCHED_SETATTR, "sched_setattr", new SchedAttrCalls.Set(), SyscallStatus.partial(
                        "as sched_setscheduler with nice in the same struct; SCHED_DEADLINE answers EINVAL and the "
                        + "utilisation clamps are ignored")),
                new Entry(AbiNumbers.SCHED_GETATTR, "sched_getattr", new SchedAttrCalls.Get(), SyscallStatus.partial(
                        "the deadline times and utilisation clamps read 0")),
                new Entry(Syscalls.RSEQ, "rseq", new RseqCall(), SyscallStatus.enosys(
                        "restartable sequences are not supported; glibc carries on without them")));
    }
}
