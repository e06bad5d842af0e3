package osbox.api.kernel;

/** Linux wait statuses (as wait4 stores them) and the shell's view of them. */
public final class WaitStatus {
    private WaitStatus() {
    }

    /** Status of a process that called exit(code). */
    public static int exited(int code) {
        return (code & 0xff) << 8;
    }

    /** Status of a process killed by signal {@code sig}; {@code core} sets the core-dump bit. */
    public static int signaled(int sig, boolean core) {
        return (sig & 0x7f) | (core ? 0x80 : 0);
    }

    public static boolean isExited(int status) {
        return (status & 0x7f) == 0;
    }

    public static int exitCode(int status) {
        return (status >> 8) & 0xff;
    }

    public static boolean isSignaled(int status) {
        return (status & 0x7f) != 0 && (status & 0x7f) != 0x7f;
    }

    public static int termSignal(int status) {
        return status & 0x7f;
    }

    /** What a Unix shell reports as $?: the exit code, or 128+signal. */
    public static int shellStatus(int status) {
        return isSignaled(status) ? 128 + termSignal(status) : exitCode(status);
    }

    /** "exited 3" or "killed by SIGSEGV". */
    public static String describe(int status) {
        return isSignaled(status) ? "killed by " + Signals.name(termSignal(status)) : "exited " + exitCode(status);
    }
}
