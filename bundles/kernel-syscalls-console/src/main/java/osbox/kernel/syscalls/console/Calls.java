package osbox.kernel.syscalls.console;

/** Shared constants of the console calls. */
final class Calls {
    static final int S_IFCHR = 0020000;
    static final long TTY_RDEV = (136L << 8); // makedev(136, 0): a pseudo-terminal
    static final int STAT_SIZE = 128;
    static final int IOV_MAX = 1024;

    private Calls() {
    }
}
