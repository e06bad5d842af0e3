package osbox.kernel.core.strace;

import osbox.api.kernel.UserMemory;

/**
 * The structs strace decodes, read from the caller's memory with Linux
 * riscv64's layouts and printed in strace's words. Each returns the
 * pointer instead (hex, or NULL) when the memory cannot be read.
 */
final class Structs {
    private Structs() {
    }

    // reads size bytes, or null
    private static byte[] read(UserMemory m, long address, int size) {
        byte[] b = new byte[size];
        return address != 0 && m.read(address, b, 0, size) ? b : null;
    }

    /** struct timespec: {@code {tv_sec=1, tv_nsec=500000000}}. */
    static String timespec(UserMemory m, long address) {
        byte[] b = read(m, address, 16);
        if (b == null) {
            return Formats.pointer(address);
        }
        return "{tv_sec=" + Formats.field(b, 0, 8, true) + ", tv_nsec=" + Formats.field(b, 8, 8, true) + "}";
    }

    /** A sigset_t (8 bytes): {@code [INT CHLD]}. */
    static String sigset(UserMemory m, long address) {
        byte[] b = read(m, address, 8);
        return b == null ? Formats.pointer(address) : SignalNames.set(Formats.field(b, 0, 8, false));
    }

    /**
     * struct sigaction as the kernel takes it on riscv64 (handler, flags,
     * mask; no sa_restorer):
     * {@code {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTART}}.
     */
    static String sigaction(UserMemory m, long address) {
        byte[] b = read(m, address, 24);
        if (b == null) {
            return Formats.pointer(address);
        }
        long handler = Formats.field(b, 0, 8, false);
        String h = handler == 0 ? "SIG_DFL" : handler == 1 ? "SIG_IGN" : Formats.pointer(handler);
        return "{sa_handler=" + h + ", sa_mask=" + SignalNames.set(Formats.field(b, 16, 8, false))
                + ", sa_flags=" + Flags.SA.format(Formats.field(b, 8, 8, false)) + "}";
    }

    /** stack_t: {@code {ss_sp=0x..., ss_flags=0, ss_size=8192}}. */
    static String stack(UserMemory m, long address) {
        byte[] b = read(m, address, 24);
        if (b == null) {
            return Formats.pointer(address);
        }
        return "{ss_sp=" + Formats.pointer(Formats.field(b, 0, 8, false)) + ", ss_flags="
                + Flags.SS.format(Formats.field(b, 8, 4, false)) + ", ss_size=" + Formats.field(b, 16, 8, false) + "}";
    }

    /**
     * struct stat (asm-generic, 128 bytes), abbreviated as strace does:
     * {@code {st_mode=S_IFREG|0644, st_size=1234, ...}}, a device's
     * {@code st_rdev=makedev(0x88, 0)} instead of its size.
     */
    static String stat(UserMemory m, long address) {
        byte[] b = read(m, address, 128);
        if (b == null) {
            return Formats.pointer(address);
        }
        long mode = Formats.field(b, 16, 4, false);
        long type = mode & 0170000;
        String typeName = Flags.FILE_TYPE.nameOf(type);
        StringBuilder out = new StringBuilder("{st_mode=");
        out.append(typeName != null ? typeName + "|" : "").append(Formats.octal(mode & 07777));
        if (type == 020000 || type == 060000) {
            long dev = Formats.field(b, 32, 8, false);
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            out.append(", st_rdev=makedev(").append(Formats.hex(major)).append(", ").append(minor).append(')');
        } else {
            out.append(", st_size=").append(Formats.field(b, 48, 8, true));
        }
        return out.append(", ...}").toString();
    }

    /** struct rlimit: {@code {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}} ({@code infinity} names ~0). */
    static String rlimit(UserMemory m, long address, String infinity) {
        byte[] b = read(m, address, 16);
        if (b == null) {
            return Formats.pointer(address);
        }
        return "{rlim_cur=" + limit(Formats.field(b, 0, 8, false), infinity) + ", rlim_max="
                + limit(Formats.field(b, 8, 8, false), infinity) + "}";
    }

    // strace prints limits in KiB units when they are a multiple of 1024
    private static String limit(long v, String infinity) {
        if (v == -1) {
            return infinity;
        }
        return v > 0 && v % 1024 == 0 ? Long.toUnsignedString(v / 1024) + "*1024" : Long.toUnsignedString(v);
    }

    /** struct utsname, abbreviated: {@code {sysname="Linux", nodename="osbox", ...}}. */
    static String utsname(UserMemory m, long address) {
        if (read(m, address, 130) == null) {
            return Formats.pointer(address);
        }
        return "{sysname=" + Formats.string(m, address, 64) + ", nodename=" + Formats.string(m, address + 65, 64)
                + ", ...}";
    }

    /** A wait status: {@code [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]}. */
    static String waitStatus(UserMemory m, long address) {
        byte[] b = read(m, address, 4);
        if (b == null) {
            return Formats.pointer(address);
        }
        int s = (int) Formats.field(b, 0, 4, false);
        String text;
        if ((s & 0x7f) == 0) {
            text = "WIFEXITED(s) && WEXITSTATUS(s) == " + ((s >> 8) & 0xff);
        } else if ((s & 0xff) == 0x7f) {
            text = "WIFSTOPPED(s) && WSTOPSIG(s) == " + SignalNames.name((s >> 8) & 0xff);
        } else if (s == 0xffff) {
            text = "WIFCONTINUED(s)";
        } else {
            text = "WIFSIGNALED(s) && WTERMSIG(s) == " + SignalNames.name(s & 0x7f)
                    + ((s & 0x80) != 0 ? " && WCOREDUMP(s)" : "");
        }
        return "[{" + text + "}]";
    }

    /** Two ints (pipe2's descriptors): {@code [3, 4]}. */
    static String intPair(UserMemory m, long address) {
        byte[] b = read(m, address, 8);
        return b == null ? Formats.pointer(address)
                : "[" + Formats.field(b, 0, 4, true) + ", " + Formats.field(b, 4, 4, true) + "]";
    }

    /** One int behind a pointer (a process group, a count): {@code [42]}. */
    static String intCell(UserMemory m, long address) {
        byte[] b = read(m, address, 4);
        return b == null ? Formats.pointer(address) : "[" + Formats.field(b, 0, 4, true) + "]";
    }

    /** struct winsize: {@code {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}}. */
    static String winsize(UserMemory m, long address) {
        byte[] b = read(m, address, 8);
        if (b == null) {
            return Formats.pointer(address);
        }
        return "{ws_row=" + Formats.field(b, 0, 2, false) + ", ws_col=" + Formats.field(b, 2, 2, false)
                + ", ws_xpixel=" + Formats.field(b, 4, 2, false) + ", ws_ypixel=" + Formats.field(b, 6, 2, false) + "}";
    }

    private static final Names BAUD = Names.of(0, "B0", 1, "B50", 2, "B75", 3, "B110", 4, "B134", 5, "B150",
            6, "B200", 7, "B300", 8, "B600", 9, "B1200", 10, "B1800", 11, "B2400", 12, "B4800", 13, "B9600",
            14, "B19200", 15, "B38400", 010001, "B57600", 010002, "B115200", 010003, "B230400", 010004, "B460800");

    /**
     * struct termios, abbreviated as strace prints it:
     * {@code {B38400 opost isig icanon echo ...}} ('-' before a mode that is off).
     */
    static String termios(UserMemory m, long address) {
        byte[] b = read(m, address, 36);
        if (b == null) {
            return Formats.pointer(address);
        }
        long oflag = Formats.field(b, 4, 4, false);
        long cflag = Formats.field(b, 8, 4, false);
        long lflag = Formats.field(b, 12, 4, false);
        return "{" + BAUD.format(cflag & 010017) + " " + mode(oflag, 1, "opost") + " " + mode(lflag, 1, "isig")
                + " " + mode(lflag, 2, "icanon") + " " + mode(lflag, 010, "echo") + " ...}";
    }

    private static String mode(long flags, long bit, String name) {
        return (flags & bit) != 0 ? name : "-" + name;
    }

    /**
     * An iovec array of {@code count} entries, with up to {@code bytes}
     * bytes of data shown across them (-1: each entry's whole length):
     * {@code [{iov_base="hello", iov_len=5}]}.
     */
    static String iovec(UserMemory m, long address, long count, long bytes) {
        if (count < 0 || count > 1024) {
            return Formats.pointer(address);
        }
        StringBuilder out = new StringBuilder("[");
        long left = bytes;
        for (int i = 0; i < count; i++) {
            byte[] b = read(m, address + 16L * i, 16);
            if (b == null) {
                return Formats.pointer(address);
            }
            if (i == Formats.MAX_STRING) {
                out.append(", ...");
                break;
            }
            long base = Formats.field(b, 0, 8, false);
            long len = Formats.field(b, 8, 8, false);
            long shown = left < 0 ? len : Math.min(len, left);
            if (left >= 0) {
                left -= shown;
            }
            out.append(i > 0 ? ", " : "").append("{iov_base=").append(Formats.buffer(m, base, shown, false))
                    .append(", iov_len=").append(len).append('}');
        }
        return out.append(']').toString();
    }

    /** A pollfd array: {@code [{fd=0, events=POLLIN}, {fd=1, events=POLLOUT}]}. */
    static String pollfds(UserMemory m, long address, long count) {
        if (count < 0 || count > 1024) {
            return Formats.pointer(address);
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            byte[] b = read(m, address + 8L * i, 8);
            if (b == null) {
                return Formats.pointer(address);
            }
            if (i == Formats.MAX_STRING) {
                out.append(", ...");
                break;
            }
            out.append(i > 0 ? ", " : "").append("{fd=").append(Formats.field(b, 0, 4, true)).append(", events=")
                    .append(Flags.POLL.format(Formats.field(b, 4, 2, false))).append('}');
        }
        return out.append(']').toString();
    }

    /**
     * A NULL-terminated array of string pointers (execve's argv), the
     * strings quoted and truncated, at most {@link Formats#MAX_STRING}
     * shown: {@code ["ls", "-l"]}.
     */
    static String stringArray(UserMemory m, long address) {
        if (address == 0) {
            return "NULL";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; ; i++) {
            Long p = Formats.word(m, address + 8L * i);
            if (p == null) {
                return i == 0 ? Formats.pointer(address) : out.append(", ...]").toString();
            }
            if (p == 0) {
                return out.append(']').toString();
            }
            if (i == Formats.MAX_STRING) {
                return out.append(", ...]").toString();
            }
            out.append(i > 0 ? ", " : "").append(Formats.string(m, p, Formats.MAX_STRING));
        }
    }

    /** An environment pointer as strace abbreviates it: {@code 0x3fffffe0 /* 2 vars *}{@code /}. */
    static String environment(UserMemory m, long address) {
        if (address == 0) {
            return "NULL";
        }
        int n = 0;
        while (n < 1 << 16) {
            Long p = Formats.word(m, address + 8L * n);
            if (p == null || p == 0) {
                break;
            }
            n++;
        }
        return Formats.pointer(address) + " /* " + n + (n == 1 ? " var" : " vars") + " */";
    }

    /** getdents64's buffer: {@code 0x... /* 3 entries *}{@code /} (entries counted by their d_reclen). */
    static String dirents(UserMemory m, long address, long bytes) {
        int n = 0;
        long at = 0;
        byte[] rec = new byte[2];
        while (at + 19 <= bytes && n < 1 << 16) {
            if (!m.read(address + at + 16, rec, 0, 2)) {
                break;
            }
            long len = Formats.field(rec, 0, 2, false);
            if (len == 0) {
                break;
            }
            n++;
            at += len;
        }
        return Formats.pointer(address) + " /* " + n + (n == 1 ? " entry" : " entries") + " */";
    }
}
