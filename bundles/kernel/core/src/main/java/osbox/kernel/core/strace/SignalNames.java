package osbox.kernel.core.strace;

/**
 * Linux signal names as strace prints them: "SIGCHLD" for a signal number,
 * "[INT CHLD]" for a set (without the prefix), real-time signals as
 * SIGRTMIN and SIGRT_N (the kernel's numbering: 32 is SIGRTMIN).
 */
public final class SignalNames {
    private static final String[] NAMES = {"0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    /** The first real-time signal. */
    static final int SIGRTMIN = 32;
    /** The last signal (a sigset_t has 64 bits). */
    static final int SIGRTMAX = 64;

    private SignalNames() {
    }

    /** "SIGSEGV" for 11, "SIGRTMIN" for 32, "SIGRT_3" for 35; the number itself when out of 1..64. */
    public static String name(long sig) {
        if (sig > 0 && sig < NAMES.length) {
            return NAMES[(int) sig];
        }
        if (sig == SIGRTMIN) {
            return "SIGRTMIN";
        }
        if (sig > SIGRTMIN && sig <= SIGRTMAX) {
            return "SIGRT_" + (sig - SIGRTMIN);
        }
        return Long.toString(sig);
    }

    /**
     * A 64-bit signal set as strace prints it: {@code [INT QUIT]}, {@code []},
     * or, when more than half the signals are in it, the complement:
     * {@code ~[KILL STOP]} ({@code ~[]} for all).
     */
    public static String set(long mask) {
        boolean complement = Long.bitCount(mask) > SIGRTMAX / 2;
        long shown = complement ? ~mask : mask;
        StringBuilder out = new StringBuilder(complement ? "~[" : "[");
        boolean first = true;
        for (int sig = 1; sig <= SIGRTMAX; sig++) {
            if ((shown & (1L << (sig - 1))) != 0) {
                out.append(first ? "" : " ").append(name(sig).substring(3));
                first = false;
            }
        }
        return out.append(']').toString();
    }
}
