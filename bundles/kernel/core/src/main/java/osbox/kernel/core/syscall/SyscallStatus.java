package osbox.kernel.core.syscall;

/**
 * How completely osbox implements one system call, as its registration
 * declares it (the kernel's own in {@code KernelCalls}, a whiteboard
 * handler in its {@code osbox.syscall.status} property): full, partial
 * with what is missing, or ENOSYS on purpose with why. docs/syscalls.md is
 * written from these.
 */
public record SyscallStatus(Level level, String note) {
    /** The levels, as docs/syscalls.md names them. */
    public enum Level {
        /** Every argument and error case of Linux's call. */
        FULL("full"),
        /** Works for what the note does not name. */
        PARTIAL("partial"),
        /** Installed on purpose to answer ENOSYS (quietly: programs fall back). */
        ENOSYS("ENOSYS"),
        /** A handler whose registration says nothing about its status. */
        UNDECLARED("undeclared");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** The word docs/syscalls.md shows. */
        public String label() {
            return label;
        }
    }

    /** A registration that declared nothing. */
    public static final SyscallStatus UNDECLARED = new SyscallStatus(Level.UNDECLARED, "");

    /** The note is never null; a partial or ENOSYS status must say why. */
    public SyscallStatus {
        note = note == null ? "" : note.strip();
        if ((level == Level.PARTIAL || level == Level.ENOSYS) && note.isEmpty()) {
            throw new IllegalArgumentException(level.label() + " status without a note saying what is missing");
        }
    }

    /** Linux's call, complete. */
    public static SyscallStatus full() {
        return new SyscallStatus(Level.FULL, "");
    }

    /** Implemented except for what {@code missing} says. */
    public static SyscallStatus partial(String missing) {
        return new SyscallStatus(Level.PARTIAL, missing);
    }

    /** Answers ENOSYS on purpose, for the reason given. */
    public static SyscallStatus enosys(String why) {
        return new SyscallStatus(Level.ENOSYS, why);
    }

    /**
     * A whiteboard handler's {@code osbox.syscall.status} property:
     * {@code full}, {@code partial: what is missing} or {@code enosys: why};
     * null or anything else is {@link #UNDECLARED}.
     */
    public static SyscallStatus parse(Object property) {
        if (property == null) {
            return UNDECLARED;
        }
        String s = property.toString().strip();
        if (s.equals("full")) {
            return full();
        }
        int colon = s.indexOf(':');
        String head = colon < 0 ? s : s.substring(0, colon).strip();
        String note = colon < 0 ? "" : s.substring(colon + 1);
        if (head.equals("partial") && !note.isBlank()) {
            return partial(note);
        }
        if (head.equals("enosys") && !note.isBlank()) {
            return enosys(note);
        }
        return UNDECLARED;
    }
}
