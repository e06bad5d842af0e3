package osbox.kernel.core.strace;

import osbox.api.kernel.UserMemory;

/**
 * The structs of the usage, timer, statx and select calls, read from the
 * caller's memory with Linux riscv64's layouts and printed as strace
 * prints them (abbreviated with "..." where strace abbreviates without
 * -v). Each returns the pointer instead (hex, or NULL) when the memory
 * cannot be read. The older structs are {@link Structs}'.
 */
final class TimeAndUsageStructs {
    /** statx's mask bits (STATX_ALL and STATX_BASIC_STATS first, as strace prints them). */
    static final FlagSet STATX_MASK = FlagSet.of("0", 0xfffL, "STATX_ALL", 0x7ffL, "STATX_BASIC_STATS",
            0x1L, "STATX_TYPE", 0x2L, "STATX_MODE", 0x4L, "STATX_NLINK", 0x8L, "STATX_UID", 0x10L, "STATX_GID",
            0x20L, "STATX_ATIME", 0x40L, "STATX_MTIME", 0x80L, "STATX_CTIME", 0x100L, "STATX_INO",
            0x200L, "STATX_SIZE", 0x400L, "STATX_BLOCKS", 0x800L, "STATX_BTIME", 0x1000L, "STATX_MNT_ID",
            0x2000L, "STATX_DIOALIGN");
    /** statx's flags other than the sync type. */
    private static final FlagSet STATX_AT = FlagSet.of("0", 0x100L, "AT_SYMLINK_NOFOLLOW", 0x800L,
            "AT_NO_AUTOMOUNT", 0x1000L, "AT_EMPTY_PATH", 0x2000L, "AT_STATX_FORCE_SYNC", 0x4000L,
            "AT_STATX_DONT_SYNC");

    private TimeAndUsageStructs() {
    }

    // reads size bytes, or null
    private static byte[] read(UserMemory m, long address, int size) {
        byte[] b = new byte[size];
        return address != 0 && m.read(address, b, 0, size) ? b : null;
    }

    // a struct timeval at off of b: {tv_sec=1, tv_usec=500}
    private static String timeval(byte[] b, int off) {
        return "{tv_sec=" + Formats.field(b, off, 8, true) + ", tv_usec=" + Formats.field(b, off + 8, 8, true) + "}";
    }

    /**
     * struct rusage, as strace abbreviates it:
     * {@code {ru_utime={tv_sec=0, tv_usec=1234}, ru_stime={tv_sec=0, tv_usec=0}, ...}}.
     */
    static String rusage(UserMemory m, long address) {
        byte[] b = read(m, address, 144);
        if (b == null) {
            return Formats.pointer(address);
        }
        return "{ru_utime=" + timeval(b, 0) + ", ru_stime=" + timeval(b, 16) + ", ...}";
    }

    /**
     * struct sysinfo (riscv64: longs, then procs a short, then the high
     * memory and mem_unit), whole as strace prints it:
     * {@code {uptime=12, loads=[0, 0, 0], totalram=..., ..., mem_unit=1}}.
     */
    static String sysinfo(UserMemory m, long address) {
        byte[] b = read(m, address, 112);
        if (b == null) {
            return Formats.pointer(address);
        }
        return "{uptime=" + Formats.field(b, 0, 8, true) + ", loads=[" + Long.toUnsignedString(Formats.field(b, 8, 8,
                false)) + ", " + Long.toUnsignedString(Formats.field(b, 16, 8, false)) + ", "
                + Long.toUnsignedString(Formats.field(b, 24, 8, false)) + "], totalram=" + unsigned(b, 32)
                + ", freeram=" + unsigned(b, 40) + ", sharedram=" + unsigned(b, 48) + ", bufferram=" + unsigned(b, 56)
                + ", totalswap=" + unsigned(b, 64) + ", freeswap=" + unsigned(b, 72) + ", procs="
                + Formats.field(b, 80, 2, false) + ", totalhigh=" + unsigned(b, 88) + ", freehigh=" + unsigned(b, 96)
                + ", mem_unit=" + Formats.field(b, 104, 4, false) + "}";
    }

    private static String unsigned(byte[] b, int off) {
        return Long.toUnsignedString(Formats.field(b, off, 8, false));
    }

    /** struct itimerval: {@code {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=0}}}. */
    static String itimerval(UserMemory m, long address) {
        byte[] b = read(m, address, 32);
        if (b == null) {
            return Formats.pointer(address);
        }
        return "{it_interval=" + timeval(b, 0) + ", it_value=" + timeval(b, 16) + "}";
    }

    /** statx's flags: the sync type by name first, then the AT_* flags ({@code AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH}). */
    static String statxFlags(long flags) {
        long sync = flags & 0x6000;
        String rest = STATX_AT.format(flags & ~0x6000L);
        String head = sync == 0 ? "AT_STATX_SYNC_AS_STAT" : STATX_AT.format(sync);
        return rest.equals("0") ? head : head + "|" + rest;
    }

    /**
     * struct statx, abbreviated as strace does:
     * {@code {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=29, ...}}.
     */
    static String statx(UserMemory m, long address) {
        byte[] b = read(m, address, 0x100);
        if (b == null) {
            return Formats.pointer(address);
        }
        long mode = Formats.field(b, 0x1c, 2, false);
        String type = Flags.FILE_TYPE.nameOf(mode & 0170000);
        long attributes = Formats.field(b, 8, 8, false);
        return "{stx_mask=" + STATX_MASK.format(Formats.field(b, 0, 4, false)) + ", stx_attributes="
                + (attributes == 0 ? "0" : Formats.hex(attributes)) + ", stx_mode="
                + (type != null ? type + "|" : "") + Formats.octal(mode & 07777) + ", stx_size="
                + Long.toUnsignedString(Formats.field(b, 0x28, 8, false)) + ", ...}";
    }

    /**
     * An fd_set of select's first {@code nfds} descriptors: {@code [0 3]}
     * (the set bits), or the pointer when unreadable.
     */
    static String fdSet(UserMemory m, long address, long nfds) {
        if (nfds < 0 || nfds > 1024) {
            return Formats.pointer(address);
        }
        byte[] b = read(m, address, (int) ((nfds + 63) / 64 * 8));
        if (b == null) {
            return Formats.pointer(address);
        }
        StringBuilder out = new StringBuilder("[");
        for (int fd = 0; fd < nfds; fd++) {
            if ((b[fd / 8] & (1 << (fd % 8))) != 0) {
                out.append(out.length() > 1 ? " " : "").append(fd);
            }
        }
        return out.append(']').toString();
    }

    /** pselect6's last argument, {sigset_t *, size_t}: {@code {sigmask=[], sigsetsize=8}}. */
    static String sigmaskPair(UserMemory m, long address) {
        byte[] b = read(m, address, 16);
        if (b == null) {
            return Formats.pointer(address);
        }
        long set = Formats.field(b, 0, 8, false);
        return "{sigmask=" + (set == 0 ? "NULL" : Structs.sigset(m, set)) + ", sigsetsize="
                + Long.toUnsignedString(Formats.field(b, 8, 8, false)) + "}";
    }
}
