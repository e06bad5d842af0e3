package osbox.kernel.core.strace;

/**
 * The flag and constant names strace prints for Linux riscv64 (the
 * asm-generic values). Each table is one argument kind's vocabulary.
 */
public final class Flags {
    private Flags() {
    }

    /** AT_FDCWD: the "current directory" descriptor of the *at calls. */
    public static final int AT_FDCWD = -100;

    /** open(2) flags after the access mode (O_ACCMODE is printed first, see {@link #openFlags}). */
    static final FlagSet OPEN = FlagSet.of(null,
            0100, "O_CREAT", 0200, "O_EXCL", 0400, "O_NOCTTY", 01000, "O_TRUNC", 02000, "O_APPEND",
            04000, "O_NONBLOCK", 04010000, "O_SYNC", 010000, "O_DSYNC", 020000, "O_ASYNC", 040000, "O_DIRECT",
            0100000, "O_LARGEFILE", 020200000, "O_TMPFILE", 0200000, "O_DIRECTORY", 0400000, "O_NOFOLLOW",
            01000000, "O_NOATIME", 02000000, "O_CLOEXEC", 010000000, "O_PATH");

    private static final String[] ACCESS_MODES = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};

    /** open(2)'s flags: the access mode, then the other flags ({@code O_WRONLY|O_CREAT|O_TRUNC}). */
    public static String openFlags(long flags) {
        StringBuilder out = new StringBuilder(ACCESS_MODES[(int) (flags & 3)]);
        long rest = flags & ~3L;
        return rest == 0 ? out.toString() : OPEN.append(out.append('|'), rest).toString();
    }

    /** Flags of pipe2 and dup3 (O_CLOEXEC, O_NONBLOCK, O_DIRECT). */
    static final FlagSet PIPE = FlagSet.of(null, 02000000, "O_CLOEXEC", 04000, "O_NONBLOCK", 040000, "O_DIRECT");

    /** mmap and mprotect protections. */
    static final FlagSet PROT = FlagSet.of("PROT_NONE", 1, "PROT_READ", 2, "PROT_WRITE", 4, "PROT_EXEC", 8, "PROT_SEM",
            0x01000000, "PROT_GROWSDOWN", 0x02000000, "PROT_GROWSUP");

    private static final Names MAP_TYPE = Names.hexOf(1, "MAP_SHARED", 2, "MAP_PRIVATE", 3, "MAP_SHARED_VALIDATE");
    private static final FlagSet MAP = FlagSet.of(null, 0x10, "MAP_FIXED", 0x20, "MAP_ANONYMOUS",
            0x100, "MAP_GROWSDOWN", 0x800, "MAP_DENYWRITE", 0x1000, "MAP_EXECUTABLE", 0x2000, "MAP_LOCKED",
            0x4000, "MAP_NORESERVE", 0x8000, "MAP_POPULATE", 0x10000, "MAP_NONBLOCK", 0x20000, "MAP_STACK",
            0x40000, "MAP_HUGETLB", 0x80000, "MAP_SYNC", 0x100000, "MAP_FIXED_NOREPLACE",
            0x4000000, "MAP_UNINITIALIZED");

    /** mmap's flags: the mapping type, then the other flags ({@code MAP_PRIVATE|MAP_ANONYMOUS}). */
    public static String mapFlags(long flags) {
        StringBuilder out = new StringBuilder(MAP_TYPE.format(flags & 0xf));
        long rest = flags & ~0xfL;
        return rest == 0 ? out.toString() : MAP.append(out.append('|'), rest).toString();
    }

    /** clone's flags without the exit signal (the low byte, printed after them by name). */
    static final FlagSet CLONE = FlagSet.of(null, 0x100, "CLONE_VM", 0x200, "CLONE_FS", 0x400, "CLONE_FILES",
            0x800, "CLONE_SIGHAND", 0x1000, "CLONE_PIDFD", 0x2000, "CLONE_PTRACE", 0x4000, "CLONE_VFORK",
            0x8000, "CLONE_PARENT", 0x10000, "CLONE_THREAD", 0x20000, "CLONE_NEWNS", 0x40000, "CLONE_SYSVSEM",
            0x80000, "CLONE_SETTLS", 0x100000, "CLONE_PARENT_SETTID", 0x200000, "CLONE_CHILD_CLEARTID",
            0x400000, "CLONE_DETACHED", 0x800000, "CLONE_UNTRACED", 0x1000000, "CLONE_CHILD_SETTID",
            0x2000000, "CLONE_NEWCGROUP", 0x4000000, "CLONE_NEWUTS", 0x8000000, "CLONE_NEWIPC",
            0x10000000, "CLONE_NEWUSER", 0x20000000, "CLONE_NEWPID", 0x40000000, "CLONE_NEWNET",
            0x80000000L, "CLONE_IO");

    /** clone's flags: {@code CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD}. */
    public static String cloneFlags(long flags) {
        long signal = flags & 0xff;
        long rest = flags & ~0xffL & 0xffffffffL;
        StringBuilder out = new StringBuilder();
        if (rest != 0) {
            CLONE.append(out, rest);
        }
        if (signal != 0) {
            out.append(out.length() > 0 ? "|" : "").append(SignalNames.name(signal));
        }
        return out.length() == 0 ? "0" : out.toString();
    }

    /** wait4 and waitid options. */
    static final FlagSet WAIT = FlagSet.of("0", 1, "WNOHANG", 2, "WSTOPPED", 4, "WEXITED", 8, "WCONTINUED",
            0x01000000, "WNOWAIT", 0x20000000, "__WNOTHREAD", 0x40000000, "__WALL", 0x80000000L, "__WCLONE");

    /** The AT_* flags of the *at calls. */
    static final FlagSet AT = FlagSet.of("0", 0x100, "AT_SYMLINK_NOFOLLOW", 0x200, "AT_REMOVEDIR",
            0x400, "AT_SYMLINK_FOLLOW", 0x800, "AT_NO_AUTOMOUNT", 0x1000, "AT_EMPTY_PATH",
            0x2000, "AT_STATX_FORCE_SYNC", 0x4000, "AT_STATX_DONT_SYNC");

    /** faccessat2's flags (AT_EACCESS shares AT_REMOVEDIR's bit). */
    static final FlagSet ACCESS_AT = FlagSet.of("0", 0x200, "AT_EACCESS", 0x100, "AT_SYMLINK_NOFOLLOW",
            0x1000, "AT_EMPTY_PATH");

    /** access(2) modes. */
    static final FlagSet ACCESS = FlagSet.of("F_OK", 4, "R_OK", 2, "W_OK", 1, "X_OK");

    /** lseek's whence. */
    static final Names SEEK = Names.of(0, "SEEK_SET", 1, "SEEK_CUR", 2, "SEEK_END", 3, "SEEK_DATA", 4, "SEEK_HOLE");

    /** fcntl commands. */
    static final Names FCNTL = Names.of(0, "F_DUPFD", 1, "F_GETFD", 2, "F_SETFD", 3, "F_GETFL", 4, "F_SETFL",
            5, "F_GETLK", 6, "F_SETLK", 7, "F_SETLKW", 8, "F_SETOWN", 9, "F_GETOWN", 10, "F_SETSIG",
            11, "F_GETSIG", 1024, "F_SETLEASE", 1025, "F_GETLEASE", 1030, "F_DUPFD_CLOEXEC",
            1031, "F_SETPIPE_SZ", 1032, "F_GETPIPE_SZ", 1033, "F_ADD_SEALS", 1034, "F_GET_SEALS");

    /** Descriptor flags (F_SETFD). */
    static final FlagSet FD_FLAGS = FlagSet.of("0", 1, "FD_CLOEXEC");

    /** ioctl requests: the terminal's, and the generic FIO* ones. */
    static final Names IOCTL = Names.hexOf(0x5401, "TCGETS", 0x5402, "TCSETS", 0x5403, "TCSETSW",
            0x5404, "TCSETSF", 0x5405, "TCGETA", 0x5406, "TCSETA", 0x5407, "TCSETAW", 0x5408, "TCSETAF",
            0x5409, "TCSBRK", 0x540A, "TCXONC", 0x540B, "TCFLSH", 0x540C, "TIOCEXCL", 0x540D, "TIOCNXCL",
            0x540E, "TIOCSCTTY", 0x540F, "TIOCGPGRP", 0x5410, "TIOCSPGRP", 0x5411, "TIOCOUTQ", 0x5412, "TIOCSTI",
            0x5413, "TIOCGWINSZ", 0x5414, "TIOCSWINSZ", 0x5415, "TIOCMGET", 0x541B, "FIONREAD",
            0x541C, "TIOCLINUX", 0x5420, "TIOCCONS", 0x5421, "FIONBIO", 0x5422, "TIOCNOTTY", 0x5425, "TCSBRKP",
            0x5427, "TIOCSBRK", 0x5428, "TIOCCBRK", 0x5429, "TIOCGSID", 0x5450, "FIONCLEX", 0x5451, "FIOCLEX",
            0x5452, "FIOASYNC", 0x80045430L, "TIOCGPTN", 0x40045431L, "TIOCSPTLCK");

    /** Signal-mask operations of rt_sigprocmask. */
    static final Names SIGPROCMASK = Names.of(0, "SIG_BLOCK", 1, "SIG_UNBLOCK", 2, "SIG_SETMASK");

    /** sigaction's sa_flags. */
    static final FlagSet SA = FlagSet.of("0", 1, "SA_NOCLDSTOP", 2, "SA_NOCLDWAIT", 4, "SA_SIGINFO",
            0x400, "SA_UNSUPPORTED", 0x800, "SA_EXPOSE_TAGBITS", 0x04000000, "SA_RESTORER",
            0x08000000, "SA_ONSTACK", 0x10000000, "SA_RESTART", 0x40000000, "SA_NODEFER",
            0x80000000L, "SA_RESETHAND");

    /** sigaltstack's ss_flags. */
    static final FlagSet SS = FlagSet.of("0", 1, "SS_ONSTACK", 2, "SS_DISABLE", 0x80000000L, "SS_AUTODISARM");

    /** Clocks. */
    static final Names CLOCK = Names.of(0, "CLOCK_REALTIME", 1, "CLOCK_MONOTONIC", 2, "CLOCK_PROCESS_CPUTIME_ID",
            3, "CLOCK_THREAD_CPUTIME_ID", 4, "CLOCK_MONOTONIC_RAW", 5, "CLOCK_REALTIME_COARSE",
            6, "CLOCK_MONOTONIC_COARSE", 7, "CLOCK_BOOTTIME", 8, "CLOCK_REALTIME_ALARM", 9, "CLOCK_BOOTTIME_ALARM",
            11, "CLOCK_TAI");

    /** clock_nanosleep's flags. */
    static final FlagSet TIMER = FlagSet.of("0", 1, "TIMER_ABSTIME");

    /** Resource limits. */
    static final Names RLIMIT = Names.of(0, "RLIMIT_CPU", 1, "RLIMIT_FSIZE", 2, "RLIMIT_DATA", 3, "RLIMIT_STACK",
            4, "RLIMIT_CORE", 5, "RLIMIT_RSS", 6, "RLIMIT_NPROC", 7, "RLIMIT_NOFILE", 8, "RLIMIT_MEMLOCK",
            9, "RLIMIT_AS", 10, "RLIMIT_LOCKS", 11, "RLIMIT_SIGPENDING", 12, "RLIMIT_MSGQUEUE", 13, "RLIMIT_NICE",
            14, "RLIMIT_RTPRIO", 15, "RLIMIT_RTTIME");

    /** getrusage's who. */
    static final Names RUSAGE = Names.of(0, "RUSAGE_SELF", -1, "RUSAGE_CHILDREN", 1, "RUSAGE_THREAD");

    /** getrandom's flags. */
    static final FlagSet GRND = FlagSet.of("0", 1, "GRND_NONBLOCK", 2, "GRND_RANDOM", 4, "GRND_INSECURE");

    /** prctl options (the common ones). */
    static final Names PRCTL = Names.hexOf(1, "PR_SET_PDEATHSIG", 2, "PR_GET_PDEATHSIG", 3, "PR_GET_DUMPABLE",
            4, "PR_SET_DUMPABLE", 15, "PR_SET_NAME", 16, "PR_GET_NAME", 22, "PR_SET_SECCOMP",
            23, "PR_CAPBSET_READ", 36, "PR_SET_CHILD_SUBREAPER", 37, "PR_GET_CHILD_SUBREAPER",
            38, "PR_SET_NO_NEW_PRIVS", 39, "PR_GET_NO_NEW_PRIVS", 0x53564d41, "PR_SET_VMA");

    /** poll events. */
    static final FlagSet POLL = FlagSet.of("0", 1, "POLLIN", 2, "POLLPRI", 4, "POLLOUT", 8, "POLLERR",
            0x10, "POLLHUP", 0x20, "POLLNVAL", 0x40, "POLLRDNORM", 0x80, "POLLRDBAND", 0x100, "POLLWRNORM",
            0x200, "POLLWRBAND", 0x2000, "POLLRDHUP");

    /** madvise advice. */
    static final Names MADV = Names.of(0, "MADV_NORMAL", 1, "MADV_RANDOM", 2, "MADV_SEQUENTIAL",
            3, "MADV_WILLNEED", 4, "MADV_DONTNEED", 8, "MADV_FREE", 9, "MADV_REMOVE", 10, "MADV_DONTFORK",
            11, "MADV_DOFORK", 12, "MADV_MERGEABLE", 14, "MADV_HUGEPAGE", 15, "MADV_NOHUGEPAGE");

    /** File types of st_mode. */
    static final Names FILE_TYPE = Names.hexOf(0140000, "S_IFSOCK", 0120000, "S_IFLNK", 0100000, "S_IFREG",
            060000, "S_IFBLK", 040000, "S_IFDIR", 020000, "S_IFCHR", 010000, "S_IFIFO");

    /** unlinkat's flags and renameat2's. */
    static final FlagSet RENAME = FlagSet.of("0", 1, "RENAME_NOREPLACE", 2, "RENAME_EXCHANGE", 4, "RENAME_WHITEOUT");
}
