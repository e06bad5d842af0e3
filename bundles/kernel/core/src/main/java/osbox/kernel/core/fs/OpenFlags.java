package osbox.kernel.core.fs;

/** openat's flags, Linux's values on riscv64 (asm-generic/fcntl.h). */
public final class OpenFlags {
    public static final int O_ACCMODE = 03, O_RDONLY = 0, O_WRONLY = 01, O_RDWR = 02, O_CREAT = 0100,
            O_EXCL = 0200, O_NOCTTY = 0400, O_TRUNC = 01000, O_APPEND = 02000, O_NONBLOCK = 04000,
            O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000, O_CLOEXEC = 02000000, O_PATH = 010000000,
            O_TMPFILE = 020000000 | O_DIRECTORY;

    private OpenFlags() {
    }

    /** Whether the flags ask for write access (O_WRONLY, O_RDWR, or the access mode 3). */
    public static boolean writes(int flags) {
        return (flags & O_ACCMODE) != O_RDONLY;
    }
}
