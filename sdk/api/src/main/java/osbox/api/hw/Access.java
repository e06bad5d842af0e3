package osbox.api.hw;

/** Kinds of memory access, as bit flags matching the PTE's R, W and X bits. */
public final class Access {
    public static final int READ = 1 << 1;
    public static final int WRITE = 1 << 2;
    public static final int EXECUTE = 1 << 3;

    private Access() {
    }

    /** A short name for traces and reports: "read", "write" or "execute". */
    public static String name(int access) {
        switch (access) {
            case READ: return "read";
            case WRITE: return "write";
            case EXECUTE: return "execute";
            default: return "access(" + access + ")";
        }
    }
}
