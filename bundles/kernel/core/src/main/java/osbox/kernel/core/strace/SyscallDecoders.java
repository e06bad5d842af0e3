package osbox.kernel.core.strace;

import static osbox.kernel.core.strace.Args.AT_FLAGS;
import static osbox.kernel.core.strace.Args.CLOCK;
import static osbox.kernel.core.strace.Args.DIRFD;
import static osbox.kernel.core.strace.Args.FD;
import static osbox.kernel.core.strace.Args.HEX;
import static osbox.kernel.core.strace.Args.INT;
import static osbox.kernel.core.strace.Args.LONG;
import static osbox.kernel.core.strace.Args.MAP_FLAGS;
import static osbox.kernel.core.strace.Args.MODE;
import static osbox.kernel.core.strace.Args.PATH;
import static osbox.kernel.core.strace.Args.PROT;
import static osbox.kernel.core.strace.Args.PTR;
import static osbox.kernel.core.strace.Args.RLIMIT;
import static osbox.kernel.core.strace.Args.SIGNAL;
import static osbox.kernel.core.strace.Args.STRING;
import static osbox.kernel.core.strace.Args.ULONG;
import static osbox.kernel.core.strace.Args.WAIT_OPTIONS;
import static osbox.kernel.core.strace.Args.in;
import static osbox.kernel.core.strace.Args.named;
import static osbox.kernel.core.strace.Args.out;
import static osbox.kernel.core.strace.Args.readBuffer;
import static osbox.kernel.core.strace.Args.writeBuffer;
import static osbox.kernel.core.strace.CallFormat.of;

import osbox.kernel.core.strace.CallFormat.Result;

/**
 * The decoder table: how each system call's arguments and result are
 * printed, by Linux riscv64 number (strace's {@code sysent}). Adding a
 * call is one line: {@code add(NR, of("name", ARG...))} with the kinds of
 * {@link Args}; a call with no line prints its name and six raw hex
 * arguments. Decoders follow strace's output: flags by name, out-arguments
 * after success, structs abbreviated with "...".
 */
public final class SyscallDecoders {
    /** The last number the table may hold (Linux riscv64's last). */
    static final int LAST = 463;

    private static final CallFormat[] TABLE = new CallFormat[LAST + 1];
    /** setitimer's and getitimer's which. */
    private static final Names ITIMER = Names.of(0, "ITIMER_REAL", 1, "ITIMER_VIRTUAL", 2, "ITIMER_PROF");
    /** futex commands (the op without FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME). */
    private static final Names FUTEX_CMD = Names.of(0, "FUTEX_WAIT", 1, "FUTEX_WAKE", 2, "FUTEX_FD",
            3, "FUTEX_REQUEUE", 4, "FUTEX_CMP_REQUEUE", 5, "FUTEX_WAKE_OP", 6, "FUTEX_LOCK_PI", 7, "FUTEX_UNLOCK_PI",
            8, "FUTEX_TRYLOCK_PI", 9, "FUTEX_WAIT_BITSET", 10, "FUTEX_WAKE_BITSET", 11, "FUTEX_WAIT_REQUEUE_PI",
            12, "FUTEX_CMP_REQUEUE_PI", 13, "FUTEX_LOCK_PI2");
    private static final int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;

    static {
        add(17, of("getcwd", readBuffer(false), ULONG));
        add(23, of("dup", FD));
        add(24, of("dup3", FD, FD, named(v -> Flags.PIPE.format(v & 0xffffffffL))));
        add(25, new CallFormat("fcntl", SyscallDecoders::fcntl, Result.DECIMAL, false));
        add(29, new CallFormat("ioctl", SyscallDecoders::ioctl, Result.DECIMAL, false));
        add(34, of("mkdirat", DIRFD, PATH, MODE));
        add(35, of("unlinkat", DIRFD, PATH, AT_FLAGS));
        add(37, of("linkat", DIRFD, PATH, DIRFD, PATH, AT_FLAGS));
        add(276, of("renameat2", DIRFD, PATH, DIRFD, PATH, named(v -> Flags.RENAME.format(v & 0xffffffffL))));
        add(46, of("ftruncate", FD, LONG));
        add(48, of("faccessat", DIRFD, PATH, named(v -> Flags.ACCESS.format(v & 0xffffffffL))));
        add(49, of("chdir", PATH));
        add(50, of("fchdir", FD));
        add(52, of("fchmod", FD, MODE));
        add(53, of("fchmodat", DIRFD, PATH, MODE));
        add(55, of("fchown", FD, INT, INT));
        add(56, new CallFormat("openat", SyscallDecoders::openat, Result.DECIMAL, false));
        add(57, of("close", FD));
        add(59, of("pipe2", out((c, a) -> Structs.intPair(c.memory(), a)),
                named(v -> Flags.PIPE.format(v & 0xffffffffL))));
        add(61, of("getdents64", FD, (c, i, o) -> o.append(c.succeeded()
                ? Structs.dirents(c.memory(), c.arg(i), c.result()) : Formats.pointer(c.arg(i))), ULONG));
        add(62, of("lseek", FD, LONG, named(Flags.SEEK::format)));
        add(63, of("read", FD, readBuffer(false), ULONG));
        add(64, of("write", FD, writeBuffer(2), ULONG));
        add(65, of("readv", FD, (c, i, o) -> o.append(c.succeeded()
                ? Structs.iovec(c.memory(), c.arg(i), c.arg(2), c.result()) : Formats.pointer(c.arg(i))), INT));
        add(66, of("writev", FD, in((c, a) -> Structs.iovec(c.memory(), a, c.arg(2), -1)), INT));
        add(67, of("pread64", FD, readBuffer(false), ULONG, LONG));
        add(68, of("pwrite64", FD, writeBuffer(2), ULONG, LONG));
        add(71, new CallFormat("sendfile", SyscallDecoders::sendfile, Result.DECIMAL, false));
        add(72, new CallFormat("pselect6", SyscallDecoders::pselect6, Result.DECIMAL, false).decodedAtEntry());
        add(73, of("ppoll", in((c, a) -> Structs.pollfds(c.memory(), a, c.arg(1))), ULONG,
                in((c, a) -> Structs.timespec(c.memory(), a)), in((c, a) -> Structs.sigset(c.memory(), a)), ULONG));
        add(78, of("readlinkat", DIRFD, PATH, readBuffer(false), ULONG));
        add(79, of("newfstatat", DIRFD, PATH, out((c, a) -> Structs.stat(c.memory(), a)), AT_FLAGS));
        add(80, of("fstat", FD, out((c, a) -> Structs.stat(c.memory(), a))));
        add(82, of("fsync", FD));
        add(93, of("exit", INT));
        add(94, of("exit_group", INT));
        add(96, of("set_tid_address", PTR));
        add(98, new CallFormat("futex", SyscallDecoders::futex, Result.DECIMAL, false));
        add(99, of("set_robust_list", PTR, ULONG));
        add(101, of("nanosleep", in((c, a) -> Structs.timespec(c.memory(), a)), PTR));
        add(102, of("getitimer", named(ITIMER::format), out((c, a) -> TimeAndUsageStructs.itimerval(c.memory(), a))));
        add(103, of("setitimer", named(ITIMER::format), in((c, a) -> TimeAndUsageStructs.itimerval(c.memory(), a)),
                out((c, a) -> TimeAndUsageStructs.itimerval(c.memory(), a))));
        add(113, of("clock_gettime", CLOCK, out((c, a) -> Structs.timespec(c.memory(), a))));
        add(114, of("clock_getres", CLOCK, out((c, a) -> Structs.timespec(c.memory(), a))));
        add(115, of("clock_nanosleep", CLOCK, named(v -> Flags.TIMER.format(v & 0xffffffffL)),
                in((c, a) -> Structs.timespec(c.memory(), a)), PTR));
        add(124, of("sched_yield"));
        add(129, of("kill", INT, SIGNAL));
        add(130, of("tkill", INT, SIGNAL));
        add(131, of("tgkill", INT, INT, SIGNAL));
        add(132, of("sigaltstack", in((c, a) -> Structs.stack(c.memory(), a)),
                out((c, a) -> Structs.stack(c.memory(), a))));
        add(133, of("rt_sigsuspend", in((c, a) -> Structs.sigset(c.memory(), a)), ULONG));
        add(134, of("rt_sigaction", SIGNAL, in((c, a) -> Structs.sigaction(c.memory(), a)),
                out((c, a) -> Structs.sigaction(c.memory(), a)), ULONG));
        add(135, of("rt_sigprocmask", named(Flags.SIGPROCMASK::format), in((c, a) -> Structs.sigset(c.memory(), a)),
                out((c, a) -> Structs.sigset(c.memory(), a)), ULONG));
        add(136, of("rt_sigpending", out((c, a) -> Structs.sigset(c.memory(), a)), ULONG));
        add(137, of("rt_sigtimedwait", in((c, a) -> Structs.sigset(c.memory(), a)), PTR,
                in((c, a) -> Structs.timespec(c.memory(), a)), ULONG));
        add(139, of("rt_sigreturn"));
        add(144, of("setgid", INT));
        add(146, of("setuid", INT));
        add(153, of("times", PTR));
        add(154, of("setpgid", INT, INT));
        add(155, of("getpgid", INT));
        add(156, of("getsid", INT));
        add(157, of("setsid"));
        add(160, of("uname", out((c, a) -> Structs.utsname(c.memory(), a))));
        add(163, of("getrlimit", RLIMIT, out((c, a) -> Structs.rlimit(c.memory(), a, "RLIM_INFINITY"))));
        add(164, of("setrlimit", RLIMIT, in((c, a) -> Structs.rlimit(c.memory(), a, "RLIM_INFINITY"))));
        add(165, of("getrusage", named(v -> Flags.RUSAGE.format((int) v)),
                out((c, a) -> TimeAndUsageStructs.rusage(c.memory(), a))));
        add(166, of("umask", MODE).returning(Result.OCTAL));
        add(167, of("prctl", named(Flags.PRCTL::format), HEX, HEX, HEX, HEX));
        add(172, of("getpid"));
        add(173, of("getppid"));
        add(174, of("getuid"));
        add(175, of("geteuid"));
        add(176, of("getgid"));
        add(177, of("getegid"));
        add(178, of("gettid"));
        add(179, of("sysinfo", out((c, a) -> TimeAndUsageStructs.sysinfo(c.memory(), a))));
        add(214, of("brk", PTR).returning(Result.HEX));
        add(215, of("munmap", PTR, ULONG));
        add(216, of("mremap", PTR, ULONG, ULONG, HEX, PTR).returning(Result.HEX));
        add(220, new CallFormat("clone", SyscallDecoders::clone, Result.DECIMAL, false));
        add(221, of("execve", PATH, (c, i, o) -> o.append(Structs.stringArray(c.memory(), c.arg(i))),
                (c, i, o) -> o.append(Structs.environment(c.memory(), c.arg(i)))).decodedAtEntry());
        add(222, of("mmap", PTR, ULONG, PROT, MAP_FLAGS, FD, HEX).returning(Result.HEX));
        add(226, of("mprotect", PTR, ULONG, PROT));
        add(233, of("madvise", PTR, ULONG, named(Flags.MADV::format)));
        add(258, of("riscv_hwprobe", PTR, ULONG, ULONG, PTR, HEX));
        add(260, of("wait4", INT, (c, i, o) -> o.append(c.arg(i) == 0 ? "NULL" : c.succeeded() && c.result() > 0
                ? Structs.waitStatus(c.memory(), c.arg(i)) : Formats.pointer(c.arg(i))), WAIT_OPTIONS,
                out((c, a) -> TimeAndUsageStructs.rusage(c.memory(), a))));
        add(261, of("prlimit64", INT, RLIMIT, in((c, a) -> Structs.rlimit(c.memory(), a, "RLIM64_INFINITY")),
                out((c, a) -> Structs.rlimit(c.memory(), a, "RLIM64_INFINITY"))));
        add(278, of("getrandom", readBuffer(true), ULONG, named(v -> Flags.GRND.format(v & 0xffffffffL))));
        add(291, of("statx", DIRFD, PATH, named(TimeAndUsageStructs::statxFlags),
                named(TimeAndUsageStructs.STATX_MASK::format), out((c, a) -> TimeAndUsageStructs.statx(c.memory(), a))));
        add(293, of("rseq", PTR, HEX, INT, HEX));
        add(439, of("faccessat2", DIRFD, PATH, named(v -> Flags.ACCESS.format(v & 0xffffffffL)),
                named(v -> Flags.ACCESS_AT.format(v & 0xffffffffL))));
    }

    private SyscallDecoders() {
    }

    // one table line; a number is given one decoder
    private static void add(int number, CallFormat format) {
        if (TABLE[number] != null) {
            throw new IllegalStateException("two decoders for syscall " + number);
        }
        TABLE[number] = format;
    }

    /** The decoder for a number, or null (unknown to the table: printed raw). */
    public static CallFormat lookup(long number) {
        return number >= 0 && number < TABLE.length ? TABLE[(int) number] : null;
    }

    /** Every number the table decodes, ascending (tests, docs). */
    public static int[] numbers() {
        int n = 0;
        for (CallFormat f : TABLE) {
            n += f != null ? 1 : 0;
        }
        int[] out = new int[n];
        for (int i = 0, k = 0; i < TABLE.length; i++) {
            if (TABLE[i] != null) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** A call no line decodes: six raw arguments in hex, as strace prints an unknown call. */
    static void raw(CallArgs c, StringBuilder out) {
        for (int i = 0; i < 6; i++) {
            out.append(i > 0 ? ", " : "").append(Formats.hex(c.arg(i)));
        }
    }

    // openat(dirfd, path, flags[, mode]): the mode only when the flags create a file
    private static void openat(CallArgs c, StringBuilder out) {
        long flags = c.arg(2) & 0xffffffffL;
        out.append(c.intArg(0) == Flags.AT_FDCWD ? "AT_FDCWD" : Integer.toString(c.intArg(0))).append(", ")
                .append(Formats.string(c.memory(), c.arg(1), Formats.MAX_PATH)).append(", ")
                .append(Flags.openFlags(flags));
        if ((flags & 0100) != 0 || (flags & 020000000) != 0) {
            out.append(", ").append(Formats.octal(c.arg(3) & 07777));
        }
    }

    // fcntl(fd, cmd[, arg]): the argument as the command reads it, none for the F_GET* commands
    private static void fcntl(CallArgs c, StringBuilder out) {
        int cmd = c.intArg(1);
        out.append(c.intArg(0)).append(", ").append(Flags.FCNTL.format(cmd));
        switch (cmd) {
            case 1, 3, 9, 11, 1025, 1032, 1034 -> { }
            case 2 -> out.append(", ").append(Flags.FD_FLAGS.format(c.arg(2) & 0xffffffffL));
            case 4 -> out.append(", ").append(Flags.openFlags(c.arg(2) & 0xffffffffL));
            case 0, 1030, 8, 10, 1031 -> out.append(", ").append(c.intArg(2));
            default -> out.append(", ").append(Formats.hex(c.arg(2)));
        }
    }

    // ioctl(fd, request, arg): the request by name, the argument as that request reads or fills it
    private static void ioctl(CallArgs c, StringBuilder out) {
        long request = c.arg(1) & 0xffffffffL;
        out.append(c.intArg(0)).append(", ").append(Flags.IOCTL.format(request)).append(", ");
        long a = c.arg(2);
        Arg arg = switch ((int) request) {
            case 0x5401 -> out((k, p) -> Structs.termios(k.memory(), p));
            case 0x5402, 0x5403, 0x5404 -> in((k, p) -> Structs.termios(k.memory(), p));
            case 0x5413 -> out((k, p) -> Structs.winsize(k.memory(), p));
            case 0x5414 -> in((k, p) -> Structs.winsize(k.memory(), p));
            case 0x540F, 0x541B, 0x5429 -> out((k, p) -> Structs.intCell(k.memory(), p));
            case 0x5410, 0x5421 -> in((k, p) -> Structs.intCell(k.memory(), p));
            case 0x540E, 0x5409, 0x540A, 0x540B -> INT;
            default -> PTR;
        };
        if (a == 0 && arg != INT && arg != PTR) {
            out.append("NULL");
            return;
        }
        arg.append(c, 2, out);
    }

    // clone(flags, stack, parent_tid, tls, child_tid) as strace orders it: the stack, the flags, then the
    // pointers the flags make the kernel use
    private static void clone(CallArgs c, StringBuilder out) {
        long flags = c.arg(0);
        out.append("child_stack=").append(Formats.pointer(c.arg(1))).append(", flags=")
                .append(Flags.cloneFlags(flags));
        if ((flags & (0x100000 | 0x1000)) != 0) {
            out.append(", parent_tid=").append(Formats.pointer(c.arg(2)));
        }
        if ((flags & 0x80000) != 0) {
            out.append(", tls=").append(Formats.pointer(c.arg(3)));
        }
        if ((flags & (0x1000000 | 0x200000)) != 0) {
            out.append(", child_tidptr=").append(Formats.pointer(c.arg(4)));
        }
    }

    // futex(uaddr, op, val, ...): the op by name (with _PRIVATE and |FUTEX_CLOCK_REALTIME), then the arguments
    // that command reads, as strace's futex.c prints them
    private static void futex(CallArgs c, StringBuilder out) {
        int op = c.intArg(1);
        int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        out.append(Formats.pointer(c.arg(0))).append(", ").append(FUTEX_CMD.format(cmd))
                .append((op & FUTEX_PRIVATE_FLAG) != 0 ? "_PRIVATE" : "")
                .append((op & FUTEX_CLOCK_REALTIME) != 0 ? "|FUTEX_CLOCK_REALTIME" : "")
                .append(", ").append(c.intArg(2));
        String timeout = c.arg(3) == 0 ? "NULL" : Structs.timespec(c.memory(), c.arg(3));
        String bitset = (c.arg(5) & 0xffffffffL) == 0xffffffffL ? "FUTEX_BITSET_MATCH_ANY"
                : Formats.hex(c.arg(5) & 0xffffffffL);
        switch (cmd) {
            case 0 -> out.append(", ").append(timeout);
            case 9 -> out.append(", ").append(timeout).append(", ").append(bitset);
            case 10 -> out.append(", ").append(bitset);
            case 3 -> out.append(", ").append(c.intArg(3)).append(", ").append(Formats.pointer(c.arg(4)));
            case 4, 5, 12 -> out.append(", ").append(c.intArg(3)).append(", ").append(Formats.pointer(c.arg(4)))
                    .append(", ").append(Formats.hex(c.arg(5) & 0xffffffffL));
            default -> { }
        }
    }

    // pselect6(nfds, readfds, writefds, exceptfds, timeout, {sigmask, size}): the sets as given (at entry)
    private static void pselect6(CallArgs c, StringBuilder out) {
        long nfds = c.intArg(0);
        out.append(nfds);
        for (int i = 1; i <= 3; i++) {
            out.append(", ").append(c.arg(i) == 0 ? "NULL" : TimeAndUsageStructs.fdSet(c.memory(), c.arg(i), nfds));
        }
        out.append(", ").append(c.arg(4) == 0 ? "NULL" : Structs.timespec(c.memory(), c.arg(4)))
                .append(", ").append(c.arg(5) == 0 ? "NULL" : TimeAndUsageStructs.sigmaskPair(c.memory(), c.arg(5)));
    }

    // sendfile(out_fd, in_fd, offset, count): the offset as [before] => [after] when the call moved it, as strace
    private static void sendfile(CallArgs c, StringBuilder out) {
        out.append(c.intArg(0)).append(", ").append(c.intArg(1)).append(", ");
        if (c.arg(2) == 0) {
            out.append("NULL");
        } else {
            Long after = Formats.word(c.memory(), c.arg(2));
            if (after == null) {
                out.append(Formats.pointer(c.arg(2)));
            } else if (c.succeeded() && c.result() > 0) {
                out.append('[').append(after - c.result()).append("] => [").append(after).append(']');
            } else {
                out.append('[').append(after).append(']');
            }
        }
        out.append(", ").append(Long.toUnsignedString(c.arg(3)));
    }
}
